#pragma once

#include "core/docker/DockerError.h"
#include "core/util/Hint.h"

#include <QString>

namespace occ {

// Why the front door cannot be configured or started, typed so each front end words it (the CLI with the
// command that fixes it, the desktop with the setting or button). message is English, for the CLI and logs.
struct FrontDoorError
{
    enum class Kind {
        Config, // the settings do not describe a working front door (tls.mode, public_url, ports, e-mail)
        TlsInvalid, // the certificate or key is unreadable, not PEM, mismatched, out of date or for other names
        LocalCa, // openssl could not make the local CA or the server certificate (tls.mode internal)
        PortInUse, // the front door's HTTP or HTTPS host port is taken by another program
        Network, // the private Docker network between the front door and opencode could not be made
        CaddyFailed, // Caddy's image or container could not be built, created, configured or started
        Engine, // the engine failed at something else (looking up, stopping or removing the front door)
    };
    Kind kind = Kind::Config;
    QString message;
    DockerError docker; // the engine's error, when there was one
    Hints hints;
};

} // namespace occ
