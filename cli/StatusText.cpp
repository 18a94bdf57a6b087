#include "cli/StatusText.h"

#include "cli/HintText.h"

namespace occ::cli {

QString StatusText::detail(const ServiceStatus& status)
{
    using Reason = ServiceStatus::Reason;
    switch (status.reason) {
    case Reason::None:
        return QString();
    case Reason::EndpointUnknown:
    case Reason::Exited:
    case Reason::HealthNoAnswer:
        return status.engineText;
    case Reason::EngineError:
        return HintText::describe(status.engineError);
    case Reason::NotCreated:
        return QStringLiteral("not created yet");
    case Reason::CrashLoop:
        return QStringLiteral("crashed (exit code %1) and is being restarted").arg(status.exitCode);
    case Reason::HealthCheckFailing:
        return QStringLiteral("running but failing its health check");
    case Reason::HealthHttpStatus:
        return QStringLiteral("HTTP %1 from /global/health").arg(status.httpStatus);
    }
    return QString();
}

} // namespace occ::cli
