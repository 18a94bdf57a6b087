#include "core/service/ServiceStatus.h"

namespace occ {

QString ServiceStatus::stateName(State state)
{
    switch (state) {
    case State::NotSetUp:
        return QStringLiteral("not-set-up");
    case State::EngineUnreachable:
        return QStringLiteral("engine-unreachable");
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Starting:
        return QStringLiteral("starting");
    case State::Healthy:
        return QStringLiteral("healthy");
    case State::Unhealthy:
        return QStringLiteral("unhealthy");
    case State::Restarting:
        return QStringLiteral("restarting");
    case State::Updating:
        return QStringLiteral("updating");
    }
    return QStringLiteral("unknown");
}

} // namespace occ
