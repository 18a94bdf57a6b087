#pragma once

#include "core/frontdoor/FrontDoorError.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>

namespace occ {

struct Config;

// What the Caddyfile is rendered from: the config's front-door and TLS keys, checked and resolved
// (public URL split into host and origin, CIDRs listed). Plain data so rendering stays a pure function.
struct FrontDoorSettings
{
    enum class TlsMode { Off, Files, Internal, Acme };

    // Ports Caddy listens on inside its container; the host ports map onto them.
    static constexpr int ContainerHttpPort = 8080;
    static constexpr int ContainerHttpsPort = 8443;
    // Where the rendered Caddyfile, certificate and key live in the front-door container.
    static constexpr char ConfigDir[] = "/etc/occ-frontdoor";

    TlsMode tls = TlsMode::Off;
    QString hostname; // network.public_url's host; empty = any (tls off)
    QStringList extraNames; // internal mode: more names the certificate covers (localhost, LAN IPs)
    QString publicOrigin; // "https://code.example.com" (scheme://host[:port]); empty when no public URL
    int hostHttpPort = 80;
    int hostHttpsPort = 443;
    QString upstream; // "opencode-cloud:4096", the opencode container on the private network
    QStringList trustedProxies; // CIDRs
    QString acmeEmail;

    bool tlsEnabled() const { return tls != TlsMode::Off; }

    static QString modeName(TlsMode mode);
    // Checks what the key table cannot check alone (combinations of keys): a sub-path, acme without a
    // public domain or an e-mail, files without both paths.
    static Result<FrontDoorSettings, FrontDoorError> fromConfig(const Config& config);
};

} // namespace occ
