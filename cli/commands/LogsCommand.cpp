#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/docker/DockerClient.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

namespace occ::cli {
namespace {

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

class LogsCommand : public Command
{
public:
    LogsCommand()
    {
        name = QStringLiteral("logs");
        description = QStringLiteral("Print the service's output (stdout and stderr, as the service wrote them).");
        details = QStringLiteral("With --follow, keeps following when the container is restarted (a crash and the\n"
                                 "restart policy, or `occ restart`), and ends when it is stopped.");
        options = {
            {{QStringLiteral("f"), QStringLiteral("follow")}, QStringLiteral("Keep printing new output.")},
            {{QStringLiteral("n"), QStringLiteral("tail")},
             QStringLiteral("Only the last N lines (default: all)."),
             QStringLiteral("N")},
            {QStringLiteral("since"),
             QStringLiteral("Only output since T: RFC 3339 time (2026-01-02T15:04:05Z) or unix seconds."),
             QStringLiteral("T")},
            {{QStringLiteral("t"), QStringLiteral("timestamps")}, QStringLiteral("Prefix each line with its time.")},
        };
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        LogOptions opts;
        if (!readOptions(context.out(), parser, &opts)) {
            return Usage;
        }
        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        DockerClient* docker = context.docker(*config, &code);
        if (!docker) {
            return code;
        }
        Output& out = context.out();
        // Following: every line goes out at once (stdout may be a pipe, which stdio buffers fully).
        const bool follow = opts.follow;
        auto write = [&out, follow](int stream, const char* data, size_t len) {
            if (stream == 2) {
                out.writeRawErr(data, len);
            } else {
                out.writeRaw(data, len);
            }
            if (follow) {
                out.flush();
            }
        };

        while (true) {
            auto info = docker->inspectContainer(config->containerName);
            if (!info) {
                if (info.error().category() == DockerError::Category::NotFound) {
                    out.error(QStringLiteral("The service has no container yet: run `occ start`."));
                    return Failure;
                }
                return context.fail(info.error());
            }
            opts.tty = info->tty;
            auto streamed = docker->streamLogs(info->id, opts, write);
            if (!streamed) {
                return context.fail(streamed.error());
            }
            if (!opts.follow) {
                return Ok;
            }
            // The stream ended: the container stopped. Follow it across a restart (restart policy or
            // `occ restart`), from where we left off; stop following when it stays stopped.
            const double endedAt = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
            auto restarted = waitForRestart(docker, config->containerName);
            if (!restarted) {
                return restarted.error().category() == DockerError::Category::NotFound
                    ? Ok
                    : context.fail(restarted.error());
            }
            if (!*restarted) {
                return Ok;
            }
            opts.since = QString::number(endedAt, 'f', 3);
            opts.tail = -1;
        }
    }

private:
    static bool readOptions(Output& out, const QCommandLineParser& parser, LogOptions* opts)
    {
        opts->follow = parser.isSet(QStringLiteral("follow"));
        opts->timestamps = parser.isSet(QStringLiteral("timestamps"));
        if (parser.isSet(QStringLiteral("tail"))) {
            bool ok = false;
            opts->tail = parser.value(QStringLiteral("tail")).toInt(&ok);
            if (!ok || opts->tail < 0) {
                out.error(QStringLiteral("--tail needs a number of lines, 0 or more."));
                return false;
            }
        }
        if (parser.isSet(QStringLiteral("since"))) {
            const QString since = parser.value(QStringLiteral("since"));
            bool isNumber = false;
            since.toDouble(&isNumber);
            if (!isNumber && !QDateTime::fromString(since, Qt::ISODateWithMs).isValid()
                && !QDateTime::fromString(since, Qt::ISODate).isValid()) {
                out.error(QStringLiteral("--since needs an RFC 3339 time such as 2026-01-02T15:04:05Z, "
                                         "or unix seconds."));
                return false;
            }
            opts->since = since;
        }
        return true;
    }

    // After the stream ended: true once the container runs again, false when it stayed stopped for 1 s
    // with no restart in sight. Restarting covers the restart policy's back-off, however long it grows.
    static DockerResult<bool> waitForRestart(DockerClient* docker, const QString& containerName)
    {
        int stoppedRounds = 0;
        while (true) {
            auto now = docker->inspectContainer(containerName);
            if (!now) {
                return now.error();
            }
            if (now->running) {
                return true;
            }
            stoppedRounds = now->restarting ? 0 : stoppedRounds + 1;
            if (stoppedRounds >= 10) {
                return false;
            }
            pause(100);
        }
    }
};

} // namespace

std::unique_ptr<Command> makeLogsCommand()
{
    return std::make_unique<LogsCommand>();
}

} // namespace occ::cli
