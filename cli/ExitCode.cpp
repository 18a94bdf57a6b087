#include "cli/ExitCode.h"

#include "core/docker/DockerError.h"
#include "core/service/ServiceError.h"

namespace occ::cli {

int exitCodeFor(const DockerError& error)
{
    if (!error.isError()) {
        return Ok;
    }
    return error.isEngineUnavailable() ? EngineUnreachable : Failure;
}

int exitCodeFor(const ServiceError& error)
{
    // The engine's own error decides when there is one: a service operation that met a silent engine
    // failed for the same cause as `occ status` did.
    if (error.docker.isError() && error.docker.isEngineUnavailable()) {
        return EngineUnreachable;
    }
    switch (error.kind) {
    case ServiceError::Kind::None:
        return Ok;
    case ServiceError::Kind::Engine:
        return EngineUnreachable;
    case ServiceError::Kind::NotSetUp:
        return NotSetUp;
    case ServiceError::Kind::Config:
        return ConfigInvalid;
    case ServiceError::Kind::FrontDoor:
        // Refused before anything started (the settings or the TLS material): as a refused config always was.
        switch (error.frontDoor) {
        case FrontDoorError::Kind::Config:
        case FrontDoorError::Kind::TlsInvalid:
        case FrontDoorError::Kind::LocalCa:
            return ConfigInvalid;
        case FrontDoorError::Kind::PortInUse:
        case FrontDoorError::Kind::Network:
        case FrontDoorError::Kind::CaddyFailed:
        case FrontDoorError::Kind::Engine:
            break;
        }
        return Failure;
    case ServiceError::Kind::Image:
    case ServiceError::Kind::Health:
    case ServiceError::Kind::Conflict:
    case ServiceError::Kind::Cancelled:
    case ServiceError::Kind::Other:
        return Failure;
    }
    return Failure;
}

} // namespace occ::cli
