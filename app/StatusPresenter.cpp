#include "app/StatusPresenter.h"

#include "core/service/LogFollower.h"
#include "wizard/ErrorPresenter.h"

#include <QCoreApplication>

namespace occ {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("occ::StatusPresenter", text, disambiguation, n);
}

QString engineProblemText(const ServiceStatus& status)
{
    switch (status.engineProblem) {
    case ServiceStatus::EngineProblem::NotInstalled:
        return tr("Docker is not installed");
    case ServiceStatus::EngineProblem::NotRunning:
        return tr("Docker is not running");
    case ServiceStatus::EngineProblem::PermissionDenied:
        return tr("no permission to use Docker");
    case ServiceStatus::EngineProblem::None:
    case ServiceStatus::EngineProblem::Other:
        break;
    }
    const QString reason = StatusPresenter::reasonText(status);
    return reason.isEmpty() ? tr("Docker cannot be reached") : reason;
}
} // namespace

QString StatusPresenter::reasonText(const ServiceStatus& status)
{
    using Reason = ServiceStatus::Reason;
    switch (status.reason) {
    case Reason::None:
        return QString();
    case Reason::EndpointUnknown:
        return tr("cannot tell where the Docker engine is (%1)").arg(status.engineText);
    case Reason::EngineError:
        return ErrorPresenter::docker(status.engineError);
    case Reason::NotCreated:
        return tr("not created yet");
    case Reason::Exited:
        return tr("exit code %1").arg(status.exitCode);
    case Reason::CrashLoop:
        return tr("crashed with exit code %1").arg(status.exitCode);
    case Reason::HealthCheckFailing:
        return tr("its health check fails");
    case Reason::HealthHttpStatus:
        return tr("it answers HTTP %1").arg(status.httpStatus);
    case Reason::HealthNoAnswer:
        return status.engineText.isEmpty() ? tr("no answer") : tr("no answer (%1)").arg(status.engineText);
    }
    return QString();
}

QString StatusPresenter::uptimeText(qint64 seconds)
{
    if (seconds < 60) {
        return tr("%n s", "seconds", int(qMax<qint64>(0, seconds)));
    }
    if (seconds < 3600) {
        return tr("%n min", "minutes", int(seconds / 60));
    }
    if (seconds < 86400) {
        return tr("%n h", "hours", int(seconds / 3600));
    }
    return tr("%n d", "days", int(seconds / 86400));
}

QString StatusPresenter::stateText(ServiceStatus::State state)
{
    switch (state) {
    case ServiceStatus::State::NotSetUp:
        return tr("Not set up");
    case ServiceStatus::State::EngineUnreachable:
        return tr("Docker unavailable");
    case ServiceStatus::State::Stopped:
        return tr("Stopped");
    case ServiceStatus::State::Starting:
        return tr("Starting");
    case ServiceStatus::State::Healthy:
        return tr("Running");
    case ServiceStatus::State::Unhealthy:
        return tr("Running");
    case ServiceStatus::State::Restarting:
        return tr("Restarting");
    case ServiceStatus::State::Updating:
        return tr("Updating");
    }
    return QString();
}

QString StatusPresenter::followerText(const LogFollowerState& state)
{
    switch (state.kind) {
    case LogFollowerState::Kind::Following:
        return tr("Following the service's output.");
    case LogFollowerState::Kind::WaitingForStart:
        return tr("The service is stopped; waiting for it to start.");
    case LogFollowerState::Kind::StreamEnded:
        if (state.error.isError()) {
            return tr("%1 Waiting for the service to come back.").arg(ErrorPresenter::docker(state.error));
        }
        return tr("The service stopped; waiting for it to come back.");
    case LogFollowerState::Kind::NoEngine:
        return tr("Cannot tell where the Docker engine is (%1).").arg(state.detail);
    case LogFollowerState::Kind::EngineError:
        return tr("%1 Trying again.").arg(ErrorPresenter::docker(state.error));
    }
    return QString();
}

StatusView StatusPresenter::present(const ServiceStatus& status, const QDateTime& now, bool hasPassword)
{
    StatusView v;
    const QString uptime = status.startedAt.isValid() ? uptimeText(status.startedAt.secsTo(now)) : QString();
    const QString dot = QStringLiteral(" · ");
    v.canShowLogs = true;
    v.canCopyPassword = hasPassword && status.state != ServiceStatus::State::NotSetUp;

    switch (status.state) {
    case ServiceStatus::State::NotSetUp:
        v.iconName = QStringLiteral("not-set-up");
        v.statusLine = tr("Not set up yet");
        v.tooltip = tr("opencode-cloud is not set up yet. Open the setup wizard to start.");
        v.needsSetup = true;
        v.canShowLogs = false;
        break;
    case ServiceStatus::State::EngineUnreachable:
        v.iconName = QStringLiteral("error");
        v.statusLine = stateText(status.state) + dot + engineProblemText(status);
        v.tooltip = tr("opencode-cloud: %1").arg(engineProblemText(status));
        v.canShowLogs = false;
        break;
    case ServiceStatus::State::Stopped:
        v.iconName = QStringLiteral("stopped");
        v.statusLine = status.exitCode != 0 ? stateText(status.state) + dot + tr("exit code %1").arg(status.exitCode)
                                            : stateText(status.state);
        v.tooltip = tr("opencode-cloud is stopped");
        v.canStart = true;
        break;
    case ServiceStatus::State::Starting:
        v.iconName = QStringLiteral("starting");
        v.statusLine = stateText(status.state) + QStringLiteral("…");
        v.tooltip = tr("opencode-cloud is starting");
        v.canStop = true;
        break;
    case ServiceStatus::State::Healthy:
        v.iconName = QStringLiteral("healthy");
        v.statusLine = stateText(status.state) + dot + tr("healthy") + (uptime.isEmpty() ? QString() : dot + uptime);
        v.tooltip = tr("opencode-cloud is running at %1").arg(status.url);
        v.canStop = true;
        v.canRestart = true;
        v.canOpen = !status.url.isEmpty();
        break;
    case ServiceStatus::State::Unhealthy:
        v.iconName = QStringLiteral("unhealthy");
        v.statusLine =
            stateText(status.state) + dot + tr("not responding") + (uptime.isEmpty() ? QString() : dot + uptime);
        v.tooltip = reasonText(status).isEmpty() ? tr("opencode-cloud is running but does not respond")
                                                 : tr("opencode-cloud does not respond: %1").arg(reasonText(status));
        v.canStop = true;
        v.canRestart = true;
        v.canOpen = !status.url.isEmpty();
        break;
    case ServiceStatus::State::Restarting:
        v.iconName = QStringLiteral("restarting");
        v.statusLine = stateText(status.state) + dot + tr("restarted %n time(s)", nullptr, status.restartCount);
        v.tooltip = tr("opencode-cloud keeps crashing; Docker is restarting it. Show the logs to see why.");
        v.canStop = true;
        break;
    case ServiceStatus::State::Updating:
        v.iconName = QStringLiteral("updating");
        v.statusLine = stateText(status.state) + QStringLiteral("…");
        v.tooltip = tr("opencode-cloud is being updated");
        break;
    }
    if (!status.opencodeVersion.isEmpty() && status.state != ServiceStatus::State::NotSetUp) {
        v.tooltip += QLatin1Char('\n') + tr("opencode %1").arg(status.opencodeVersion);
    }
    return v;
}

} // namespace occ
