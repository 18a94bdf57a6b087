#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/docker/DockerClient.h"
#include "core/logging/Logging.h"
#include "core/service/Supervisor.h"

#include <QCommandLineParser>

#include <atomic>
#include <csignal>

#ifdef Q_OS_WIN
#include "core/osservice/WindowsServiceManager.h"
#endif

namespace occ::cli {
namespace {

std::atomic_bool g_stopRequested{false};

extern "C" void requestStop(int)
{
    g_stopRequested = true; // async-signal-safe: the supervisor polls it
}

class RunCommand : public Command
{
public:
    RunCommand()
    {
        name = QStringLiteral("run");
        description = QStringLiteral("Run the service in the foreground and keep it healthy (for systemd, "
                                     "launchd and the Windows service).");
        details = QStringLiteral("Starts the service, restarts it when it stops or stops answering (see the\n"
                                 "health.* and restart.* keys), stops it on SIGTERM, and exits non-zero when it\n"
                                 "gives up so the service manager's own limits apply. Logs to stderr.");
        options = {{QStringLiteral("service"), QStringLiteral("Run under the Windows Service Control Manager.")}};
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        // The supervisor's log is its output: steps at info level even without -v.
        Logging::Options logging;
        logging.verbosity = std::max(0, context.verbosity());
        logging.toStderr = true;
        Logging::setup(logging);

        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        auto pw = context.password(&code);
        if (!pw) {
            return code;
        }
        DockerClient* docker = context.docker(*config, &code);
        if (!docker) {
            return code;
        }
        g_stopRequested = false;
        std::signal(SIGINT, requestStop);
        std::signal(SIGTERM, requestStop);
#ifdef Q_OS_WIN
        if (parser.isSet(QStringLiteral("service"))) {
            auto dispatched = WindowsServiceManager::startDispatcher([]() { g_stopRequested = true; });
            if (!dispatched) {
                context.out().error(dispatched.error().message);
                return Failure;
            }
        }
#else
        if (parser.isSet(QStringLiteral("service"))) {
            context.out().error(QStringLiteral("--service is for the Windows Service Control Manager only."));
            return Usage;
        }
#endif
        Supervisor supervisor(*config, *pw, docker);
        auto result = supervisor.run(&g_stopRequested);
        const int exitCode = result ? Ok : context.fail(result.error());
#ifdef Q_OS_WIN
        if (parser.isSet(QStringLiteral("service"))) {
            WindowsServiceManager::reportStopped(exitCode);
        }
#endif
        return exitCode;
    }
};

} // namespace

std::unique_ptr<Command> makeRunCommand()
{
    return std::make_unique<RunCommand>();
}

} // namespace occ::cli
