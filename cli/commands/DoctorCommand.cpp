#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/docker/DockerClient.h"
#include "core/frontdoor/UrlDoctor.h"
#include "core/image/ImageLayout.h"
#include "core/service/PortProbe.h"
#include "core/service/ServiceController.h"
#include "core/service/ServiceSpec.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace occ::cli {
namespace {

class DoctorCommand : public Command
{
public:
    DoctorCommand()
    {
        name = QStringLiteral("doctor");
        description = QStringLiteral("Check everything the service needs, one line per check, with the fix.");
        details = QStringLiteral(
            "With --url, checks a deployed URL end to end from here instead: TLS, /healthz without\n"
            "credentials, 401 without and 200 with credentials, the event stream held open, and the web\n"
            "terminal's WebSocket upgrade. Exit status 0 when all passed, 1 otherwise.");
        options = {
            {QStringLiteral("url"), QStringLiteral("Check this deployed URL (https://host[:port]) end to end."),
             QStringLiteral("URL")},
            {QStringLiteral("cacert"),
             QStringLiteral("With --url: trust the CA(s) in this PEM file instead of the system's."),
             QStringLiteral("FILE")},
            {QStringLiteral("user"), QStringLiteral("With --url: user name (default: auth.username)."),
             QStringLiteral("NAME")},
            {QStringLiteral("password-stdin"),
             QStringLiteral("With --url: read the password from stdin (default: the local password).")},
            {QStringLiteral("stream-seconds"),
             QStringLiteral("With --url: how long the event stream must stay open (default 90)."), QStringLiteral("N")},
        };
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        Output& out = context.out();
        int worst = Ok;
        auto line = [&out](const char* mark, const QString& what, const QString& text) {
            out.result(QStringLiteral("[%1] %2: %3").arg(QLatin1String(mark)).arg(what, -8).arg(text));
        };
        if (parser.isSet(QStringLiteral("url"))) {
            return checkUrl(context, parser, line);
        }
        auto fail = [&](const QString& what, const QString& text, int code) {
            line("FAIL", what, text);
            if (worst == Ok) {
                worst = code;
            }
        };

        // 1. The config.
        int code = Ok;
        auto config = context.loadConfig(&code, false);
        if (!config) {
            fail(QStringLiteral("config"),
                 QStringLiteral("%1 is invalid (see the error above)").arg(context.configPath()), ConfigInvalid);
            return worst;
        }
        const bool setUp = context.configExists();
        if (setUp) {
            line("ok", QStringLiteral("config"), context.configPath());
        } else {
            fail(QStringLiteral("config"), QStringLiteral("no config at %1: run `occ setup`").arg(context.configPath()),
                 NotSetUp);
        }

        // 2. The password.
        auto pw = context.password(&code);
        if (!pw) {
            fail(QStringLiteral("password"), QStringLiteral("the credentials file cannot be read"), Failure);
        } else if (pw->isEmpty()) {
            if (ServiceSpec::isLoopback(config->bind)) {
                line("warn", QStringLiteral("password"), QStringLiteral("none set; `occ password rotate` makes one"));
            } else {
                fail(QStringLiteral("password"),
                     QStringLiteral("none set while listening on %1: run `occ password rotate`").arg(config->bind),
                     Failure);
            }
        } else {
            const QFileInfo file(context.credentialsPath());
            const bool privateFile = !(file.permissions()
                                       & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                          | QFileDevice::WriteOther));
            if (privateFile) {
                line("ok", QStringLiteral("password"), QStringLiteral("set, in %1 (mode 0600)").arg(file.filePath()));
            } else {
                fail(QStringLiteral("password"),
                     QStringLiteral("%1 is readable by other users: `chmod 600 %1`").arg(file.filePath()), Failure);
            }
        }

        // 3. The engine.
        DockerClient* docker = context.docker(*config, &code);
        if (!docker) {
            fail(QStringLiteral("engine"), QStringLiteral("no usable endpoint (see the error above)"),
                 EngineUnreachable);
            return worst;
        }
        auto version = docker->version();
        if (!version) {
            fail(QStringLiteral("engine"), version.error().userMessage(), EngineUnreachable);
            return worst;
        }
        line("ok", QStringLiteral("engine"),
             QStringLiteral("Docker %1 at %2 (API %3)")
                 .arg(version->version, context.endpointText(), docker->apiVersion()));

        // 4. The image.
        const QString ref = ServiceSpec::imageRef(*config);
        auto image = docker->imageExists(ref);
        if (!image) {
            fail(QStringLiteral("image"), image.error().userMessage(), Failure);
        } else if (image.value()) {
            line("ok", QStringLiteral("image"), ref);
        } else {
            line("warn", QStringLiteral("image"),
                 QStringLiteral("%1 is not built yet; `occ start` builds it").arg(ref));
        }

        // 5. The container, and 6. the port (which our own container may hold).
        auto info = docker->inspectContainer(config->containerName);
        bool oursHoldsPort = false;
        if (info) {
            oursHoldsPort = info->running;
            const bool managed = info->labels.value(QString(image::ManagedLabel)) == QLatin1String("true");
            if (!managed) {
                fail(QStringLiteral("service"),
                     QStringLiteral("a container named %1 exists but was not made by opencode-cloud: remove it or "
                                    "set service.container_name")
                         .arg(config->containerName),
                     Failure);
            } else {
                auto controller = context.controller(*config, &code);
                const ServiceStatus s = controller ? controller->status() : ServiceStatus{};
                const QString state = ServiceStatus::stateName(s.state);
                if (s.state == ServiceStatus::State::Healthy) {
                    line("ok", QStringLiteral("service"), QStringLiteral("healthy at %1").arg(s.url));
                } else if (s.state == ServiceStatus::State::Stopped) {
                    line("warn", QStringLiteral("service"), QStringLiteral("stopped; `occ start` starts it"));
                } else {
                    fail(QStringLiteral("service"),
                         QStringLiteral("%1%2; see `occ logs -n 100`, `occ restart` may help")
                             .arg(state,
                                  s.detail.isEmpty() ? QString() : QStringLiteral(" (") + s.detail + QLatin1Char(')')),
                         Failure);
                }
            }
        } else if (info.error().category() == DockerError::Category::NotFound) {
            line("warn", QStringLiteral("service"), QStringLiteral("no container yet; `occ start` creates it"));
        } else {
            fail(QStringLiteral("service"), info.error().userMessage(), Failure);
        }

        if (oursHoldsPort) {
            line("ok", QStringLiteral("port"),
                 QStringLiteral("%1:%2 is published by the service").arg(config->bind).arg(config->port));
        } else if (PortProbe::isFree(config->bind, config->port)) {
            line("ok", QStringLiteral("port"), QStringLiteral("%1:%2 is free").arg(config->bind).arg(config->port));
        } else {
            const QString who = PortProbe::holder(config->port);
            const int next = PortProbe::nextFree(config->bind, config->port + 1);
            fail(QStringLiteral("port"),
                 QStringLiteral("%1:%2 is in use%3; stop it or `occ config set network.port %4`")
                     .arg(config->bind)
                     .arg(config->port)
                     .arg(who.isEmpty() ? QString() : QStringLiteral(" by ") + who)
                     .arg(next > 0 ? next : config->port + 1),
                 Failure);
        }
        return worst;
    }

private:
    template <typename Line>
    int checkUrl(Context& context, const QCommandLineParser& parser, const Line& line)
    {
        Output& out = context.out();
        UrlDoctorOptions options;
        options.url = QUrl(parser.value(QStringLiteral("url")));
        if (!options.url.isValid() || options.url.host().isEmpty()
            || (options.url.scheme() != QLatin1String("https") && options.url.scheme() != QLatin1String("http"))) {
            out.error(
                QStringLiteral("--url wants http(s)://host[:port], not %1").arg(parser.value(QStringLiteral("url"))));
            return Usage;
        }
        if (!options.url.path().isEmpty() && options.url.path() != QLatin1String("/")) {
            out.error(QStringLiteral("opencode works only at the root of a host name; drop the path %1")
                          .arg(options.url.path()));
            return Usage;
        }
        if (parser.isSet(QStringLiteral("stream-seconds"))) {
            bool ok = false;
            options.streamSeconds = parser.value(QStringLiteral("stream-seconds")).toInt(&ok);
            if (!ok || options.streamSeconds < 1) {
                out.error(QStringLiteral("--stream-seconds wants a positive number"));
                return Usage;
            }
        }
        options.caCertFile = parser.value(QStringLiteral("cacert"));
        int code = Ok;
        const auto config = context.loadConfig(&code, false);
        options.user = parser.isSet(QStringLiteral("user")) ? parser.value(QStringLiteral("user"))
            : config                                        ? config->username
                                                            : QStringLiteral("opencode");
        if (parser.isSet(QStringLiteral("password-stdin"))) {
            if (!out.readLine(&options.password, false) || options.password.isEmpty()) {
                out.error(QStringLiteral("No password given on stdin."));
                return Usage;
            }
        } else if (auto pw = context.password(&code)) {
            options.password = *pw;
        }
        UrlDoctor doctor(options);
        int worst = Ok;
        doctor.run([&](const UrlCheck& c) {
            const char* mark = c.result == UrlCheck::Result::Ok ? "ok"
                : c.result == UrlCheck::Result::Warn            ? "warn"
                : c.result == UrlCheck::Result::Skip            ? "skip"
                                                                : "FAIL";
            line(mark, c.name, c.detail);
            if (c.failed()) {
                worst = Failure;
            }
        });
        return worst;
    }
};

} // namespace

std::unique_ptr<Command> makeDoctorCommand()
{
    return std::make_unique<DoctorCommand>();
}

} // namespace occ::cli
