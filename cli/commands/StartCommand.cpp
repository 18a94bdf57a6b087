#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/ProgressPrinter.h"
#include "cli/commands/Commands.h"
#include "core/service/ServiceController.h"

#include <QCommandLineParser>

namespace occ::cli {
namespace {

int startService(Context& context, bool restart)
{
    int code = Ok;
    auto config = context.loadConfig(&code);
    if (!config) {
        return code;
    }
    auto controller = context.controller(*config, &code);
    if (!controller) {
        return code;
    }
    ProgressPrinter printer(context.out());
    auto result = restart ? controller->restart(printer.callback()) : controller->start(printer.callback());
    printer.finish();
    if (!result) {
        return context.fail(result.error());
    }
    const auto& outcome = result.value();
    if (outcome.wasRunning) {
        context.out().info(QStringLiteral("opencode is already running."));
    } else {
        context.out().info(QStringLiteral("opencode is up (%1 s).").arg(double(outcome.elapsedMs) / 1000.0, 0, 'f', 1));
    }
    context.out().result(outcome.url);
    if (!outcome.caCert.isEmpty()) {
        context.out().info(QStringLiteral("TLS certificates come from a local CA: trust %1 in your browser or system "
                                          "to connect without warnings.")
                               .arg(outcome.caCert));
    }
    context.out().info(
        QStringLiteral("User \"%1\"; show the password with `occ password show`.").arg(config->username));
    return Ok;
}

class StartCommand : public Command
{
public:
    StartCommand()
    {
        name = QStringLiteral("start");
        description = QStringLiteral("Start the service (builds the image on first use) and wait until it answers.");
        details = QStringLiteral("Idempotent: an already running service is left alone; a changed config recreates\n"
                                 "the container on the same volumes. Prints the URL when opencode answers.");
    }
    int execute(Context& context, const QCommandLineParser&) override { return startService(context, false); }
};

class RestartCommand : public Command
{
public:
    RestartCommand()
    {
        name = QStringLiteral("restart");
        description = QStringLiteral("Stop and start the service; data in the volumes is kept.");
    }
    int execute(Context& context, const QCommandLineParser&) override { return startService(context, true); }
};

class StopCommand : public Command
{
public:
    StopCommand()
    {
        name = QStringLiteral("stop");
        description = QStringLiteral("Stop the service; data in the volumes is kept.");
        options = {{{QStringLiteral("t"), QStringLiteral("timeout")},
                    QStringLiteral("Seconds to wait before killing it (default 10)."),
                    QStringLiteral("SECONDS"),
                    QStringLiteral("10")}};
    }
    int execute(Context& context, const QCommandLineParser& parser) override
    {
        bool ok = false;
        const int timeout = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || timeout < 0 || timeout > 3600) {
            context.out().error(QStringLiteral("--timeout must be a number of seconds between 0 and 3600."));
            return Usage;
        }
        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        auto controller = context.controller(*config, &code);
        if (!controller) {
            return code;
        }
        auto result = controller->stop(timeout);
        if (!result) {
            return context.fail(result.error());
        }
        context.out().info(QStringLiteral("opencode is stopped. Its data stays in the volumes."));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeStartCommand()
{
    return std::make_unique<StartCommand>();
}

std::unique_ptr<Command> makeRestartCommand()
{
    return std::make_unique<RestartCommand>();
}

std::unique_ptr<Command> makeStopCommand()
{
    return std::make_unique<StopCommand>();
}

} // namespace occ::cli
