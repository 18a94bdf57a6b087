#include "core/service/ServiceError.h"

namespace occ {

ServiceError ServiceError::fromDocker(const DockerError& error, const QString& context)
{
    Kind kind = Kind::Other;
    switch (error.category()) {
    case DockerError::Category::NoEngine:
    case DockerError::Category::PermissionDenied:
    case DockerError::Category::ApiVersion:
        kind = Kind::Engine;
        break;
    case DockerError::Category::Cancelled:
        kind = Kind::Cancelled;
        break;
    case DockerError::Category::Conflict:
        kind = Kind::Conflict;
        break;
    default:
        kind = error.isPortInUse() ? Kind::Conflict : Kind::Other;
        break;
    }
    const QString text = error.userMessage();
    return {kind, context.isEmpty() ? text : context + QStringLiteral(": ") + text, error, error.hints()};
}

ServiceError ServiceError::fromFrontDoor(const FrontDoorError& error)
{
    ServiceError e(Kind::FrontDoor, error.message, error.docker, error.hints);
    e.frontDoor = error.kind;
    return e;
}

} // namespace occ
