#pragma once

#include "core/docker/DockerError.h"
#include "core/service/ServiceStatus.h"

#include <QString>
#include <QStringList>

namespace occ {

// One line of a diagnosis (`occ doctor`): what was checked, how it went and why, as types and
// arguments. Core decides; front ends word it (the CLI with `occ` commands, a dialog with buttons).
struct DiagnosisCheck
{
    enum class Id { Config, Password, Engine, Image, Service, Port, Settings };
    enum class Status { Ok, Warn, Fail };
    enum class Cause {
        ConfigLoaded, // args: path
        ConfigMissing, // args: path
        ConfigInvalid, // args: path, problem
        PasswordSet, // args: credentials file
        PasswordNone, // none stored, listening on loopback only
        PasswordNonePublic, // none stored while listening beyond this machine; args: bind
        PasswordUnreadable, // args: problem
        PasswordFileOpen, // the credentials file is readable by others; args: file
        EngineReachable, // args: engine version, endpoint, API version
        EngineUnresolved, // the endpoint cannot be worked out; args: problem
        EngineUnavailable, // see docker (its category and endpoint kind say which advice fits)
        ImageBuilt, // args: image ref
        ImageMissing, // args: image ref
        ImageError, // see docker
        ServiceHealthy, // args: url
        ServiceStopped,
        ServiceNoContainer,
        ServiceForeign, // a container of our name that we did not make; args: name
        ServiceUnwell, // args: state name; see service
        ServiceError, // see docker
        PortPublished, // args: bind, port
        PortFree, // args: bind, port
        PortTaken, // args: bind, port, holder (may be empty), next free port (0: none)
        TlsWithoutFrontDoor, // args: tls mode (see ConfigWarning)
    };

    Id id = Id::Config;
    Status status = Status::Ok;
    Cause cause = Cause::ConfigLoaded;
    QStringList args;
    DockerError docker; // the engine's error for EngineUnavailable, ImageError, ServiceError
    ServiceStatus service; // for ServiceUnwell

    bool failed() const { return status == Status::Fail; }
    // Stable lowercase names ("engine"), for output and scripts; never translated.
    static QString idName(Id id);
};

} // namespace occ
