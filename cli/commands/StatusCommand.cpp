#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/StatusText.h"
#include "cli/commands/Commands.h"
#include "core/docker/DockerClient.h"
#include "core/service/ServiceController.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <nlohmann/json.hpp>

namespace occ::cli {
namespace {

QString formatUptime(qint64 seconds)
{
    if (seconds < 60) {
        return QStringLiteral("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return QStringLiteral("%1 min").arg(seconds / 60);
    }
    if (seconds < 86400) {
        return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    }
    return QStringLiteral("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

int exitCodeFor(ServiceStatus::State state)
{
    switch (state) {
    case ServiceStatus::State::Healthy:
        return Ok;
    case ServiceStatus::State::NotSetUp:
        return NotSetUp;
    case ServiceStatus::State::EngineUnreachable:
        return EngineUnreachable;
    case ServiceStatus::State::Stopped:
        return StatusStopped;
    case ServiceStatus::State::Starting:
    case ServiceStatus::State::Unhealthy:
    case ServiceStatus::State::Restarting:
    case ServiceStatus::State::Updating:
        return StatusUnhealthy;
    }
    return Failure;
}

class StatusCommand : public Command
{
public:
    StatusCommand()
    {
        name = QStringLiteral("status");
        description = QStringLiteral("Show whether the service runs and answers; the exit code tells the state.");
        details = QStringLiteral("Exit codes: 0 healthy, 3 engine unreachable, 5 not set up, 6 stopped,\n"
                                 "7 starting, unhealthy or restarting.");
        options = {{QStringLiteral("json"), QStringLiteral("Print a stable JSON object for scripts.")}};
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        const bool json = parser.isSet(QStringLiteral("json"));
        int code = Ok;
        ServiceStatus status;
        QString endpoint;
        auto config = context.loadConfig(&code, false);
        if (!config) {
            return code;
        }
        const bool setUp = context.configExists();
        if (!setUp) {
            status.state = ServiceStatus::State::NotSetUp;
        } else {
            auto controller = context.controller(*config, &code);
            if (!controller) {
                return code;
            }
            status = controller->status();
            endpoint = context.endpointText();
        }
        const QString detail = setUp ? StatusText::detail(status)
                                     : QStringLiteral("no config at %1: run `occ setup`").arg(context.configPath());

        if (json) {
            nlohmann::ordered_json j;
            j["state"] = ServiceStatus::stateName(status.state).toStdString();
            j["detail"] = detail.toStdString();
            j["url"] = status.url.toStdString();
            j["engine"] = endpoint.toStdString();
            j["container"] = status.containerId.left(12).toStdString();
            j["image"] = status.image.toStdString();
            j["opencode_version"] = status.opencodeVersion.toStdString();
            j["started_at"] = status.startedAt.isValid() ? status.startedAt.toUTC().toString(Qt::ISODate).toStdString()
                                                         : std::string();
            j["uptime_seconds"] =
                status.startedAt.isValid() ? status.startedAt.secsTo(QDateTime::currentDateTimeUtc()) : 0;
            j["restart_count"] = status.restartCount;
            j["exit_code"] = status.exitCode;
            context.out().result(QString::fromStdString(j.dump(2)));
            return exitCodeFor(status.state);
        }

        QString line = QStringLiteral("opencode: %1").arg(ServiceStatus::stateName(status.state));
        if (!detail.isEmpty()) {
            line += QStringLiteral(" (%1)").arg(detail);
        }
        context.out().result(line);
        if (!endpoint.isEmpty()) {
            context.out().result(QStringLiteral("engine:   %1").arg(endpoint));
        }
        if (setUp) {
            context.out().result(QStringLiteral("url:      %1").arg(status.url));
            context.out().result(QStringLiteral("image:    %1").arg(status.image));
        }
        if (!status.containerId.isEmpty()) {
            context.out().result(QStringLiteral("container: %1").arg(status.containerId.left(12)));
        }
        if (status.startedAt.isValid()) {
            context.out().result(QStringLiteral("uptime:   %1")
                                     .arg(formatUptime(status.startedAt.secsTo(QDateTime::currentDateTimeUtc()))));
        }
        if (status.restartCount > 0) {
            context.out().result(QStringLiteral("restarts: %1").arg(status.restartCount));
        }
        if (status.state == ServiceStatus::State::Unhealthy) {
            context.out().warning(QStringLiteral("Docker does not restart an unhealthy container by itself. "
                                                 "Run `occ restart`, and see `occ logs -n 100`."));
        }
        return exitCodeFor(status.state);
    }
};

} // namespace

std::unique_ptr<Command> makeStatusCommand()
{
    return std::make_unique<StatusCommand>();
}

} // namespace occ::cli
