#pragma once

#include <QString>

namespace occ {

struct FrontDoorSettings;

// Renders the front door's Caddyfile (Caddy 2.6, Debian's package). Pure: the same settings give the
// same text, so every rule is unit-tested row by row and `caddy validate` checks the syntax. Holds no
// secret: the credentials /healthz sends upstream come from the container's environment at request
// time ({env.OCC_UPSTREAM_AUTH}, set by the entrypoint from the injected password file).
namespace Caddyfile {

inline constexpr char UpstreamAuthEnv[] = "OCC_UPSTREAM_AUTH";
inline constexpr char CertFile[] = "/etc/occ-frontdoor/tls/cert.pem";
inline constexpr char KeyFile[] = "/etc/occ-frontdoor/tls/key.pem";

QString render(const FrontDoorSettings& settings);

} // namespace Caddyfile
} // namespace occ
