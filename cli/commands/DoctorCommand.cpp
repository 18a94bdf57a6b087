#include "cli/Context.h"
#include "cli/ExitCode.h"
#include "cli/HintText.h"
#include "cli/Output.h"
#include "cli/StatusText.h"
#include "cli/commands/Commands.h"
#include "core/detection/Diagnosis.h"
#include "core/frontdoor/UrlDoctor.h"

#include <QCommandLineParser>

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
        auto line = [&out](const char* mark, const QString& what, const QString& text) {
            out.result(QStringLiteral("[%1] %2: %3").arg(QLatin1String(mark)).arg(what, -8).arg(text));
        };
        if (parser.isSet(QStringLiteral("url"))) {
            return checkUrl(context, parser, line);
        }
        int worst = Ok;
        for (const DiagnosisCheck& check : Diagnosis(context.configPath()).run()) {
            const char* mark = check.status == DiagnosisCheck::Status::Ok ? "ok"
                : check.status == DiagnosisCheck::Status::Warn            ? "warn"
                                                                          : "FAIL";
            line(mark, DiagnosisCheck::idName(check.id), describe(check));
            if (check.failed() && worst == Ok) {
                worst = exitCodeFor(check);
            }
        }
        return worst;
    }

private:
    // The first failure decides the exit status, with the same code any other command gives that cause.
    static int exitCodeFor(const DiagnosisCheck& check)
    {
        using Cause = DiagnosisCheck::Cause;
        switch (check.cause) {
        case Cause::ConfigInvalid:
            return ConfigInvalid;
        case Cause::ConfigMissing:
            return NotSetUp;
        case Cause::EngineUnresolved:
            return EngineUnreachable;
        default:
            return check.docker.isError() ? cli::exitCodeFor(check.docker) : Failure;
        }
    }

    // What a check found, in words with the `occ` command that fixes it.
    static QString describe(const DiagnosisCheck& c)
    {
        using Cause = DiagnosisCheck::Cause;
        const QStringList& a = c.args;
        switch (c.cause) {
        case Cause::ConfigLoaded:
            return a.value(0);
        case Cause::ConfigMissing:
            return QStringLiteral("no config at %1: run `occ setup`").arg(a.value(0));
        case Cause::ConfigInvalid:
            return QStringLiteral("%1; fix it by hand (it is left untouched), or check it with `occ config validate`")
                .arg(a.value(1));
        case Cause::PasswordSet:
            return QStringLiteral("set, in %1 (mode 0600)").arg(a.value(0));
        case Cause::PasswordNone:
            return QStringLiteral("none set; `occ password rotate` makes one");
        case Cause::PasswordNonePublic:
            return QStringLiteral("none set while listening on %1: run `occ password rotate`").arg(a.value(0));
        case Cause::PasswordUnreadable:
            return QStringLiteral("the credentials file cannot be read: %1").arg(a.value(0));
        case Cause::PasswordFileOpen:
            return QStringLiteral("%1 is readable by other users: `chmod 600 %1`").arg(a.value(0));
        case Cause::EngineReachable:
            return QStringLiteral("Docker %1 at %2 (API %3)").arg(a.value(0), a.value(1), a.value(2));
        case Cause::EngineUnresolved:
            return a.value(0);
        case Cause::EngineUnavailable:
        case Cause::ImageError:
        case Cause::ServiceError:
            return HintText::describe(c.docker);
        case Cause::ImageBuilt:
            return a.value(0);
        case Cause::ImageMissing:
            return QStringLiteral("%1 is not built yet; `occ start` builds it").arg(a.value(0));
        case Cause::ServiceHealthy:
            return QStringLiteral("healthy at %1").arg(a.value(0));
        case Cause::ServiceStopped:
            return QStringLiteral("stopped; `occ start` starts it");
        case Cause::ServiceNoContainer:
            return QStringLiteral("no container yet; `occ start` creates it");
        case Cause::ServiceForeign:
            return QStringLiteral("a container named %1 exists but was not made by opencode-cloud: remove it or set "
                                  "service.container_name")
                .arg(a.value(0));
        case Cause::ServiceUnwell: {
            const QString detail = StatusText::detail(c.service);
            return QStringLiteral("%1%2; see `occ logs -n 100`, `occ restart` may help")
                .arg(a.value(0), detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
        }
        case Cause::PortPublished:
            return QStringLiteral("%1:%2 is published by the service").arg(a.value(0), a.value(1));
        case Cause::PortFree:
            return QStringLiteral("%1:%2 is free").arg(a.value(0), a.value(1));
        case Cause::PortTaken: {
            const int next = a.value(3).toInt();
            return QStringLiteral("%1:%2 is in use%3; stop it%4")
                .arg(a.value(0), a.value(1), a.value(2).isEmpty() ? QString() : QStringLiteral(" by ") + a.value(2),
                     next > 0 ? QStringLiteral(" or `occ config set network.port %1`").arg(next) : QString());
        }
        case Cause::TlsWithoutFrontDoor:
            return QStringLiteral("tls.mode is \"%1\" but the front door is off, so opencode stays on plain HTTP: "
                                  "`occ config set frontdoor.enabled true`")
                .arg(a.value(0));
        }
        return {};
    }

    template <typename Line>
    int checkUrl(Context& context, const QCommandLineParser& parser, const Line& line)
    {
        Output& out = context.out();
        UrlDoctorOptions urlOptions;
        urlOptions.url = QUrl(parser.value(QStringLiteral("url")));
        if (!urlOptions.url.isValid() || urlOptions.url.host().isEmpty()
            || (urlOptions.url.scheme() != QLatin1String("https")
                && urlOptions.url.scheme() != QLatin1String("http"))) {
            out.error(
                QStringLiteral("--url wants http(s)://host[:port], not %1").arg(parser.value(QStringLiteral("url"))));
            return Usage;
        }
        if (!urlOptions.url.path().isEmpty() && urlOptions.url.path() != QLatin1String("/")) {
            out.error(QStringLiteral("opencode works only at the root of a host name; drop the path %1")
                          .arg(urlOptions.url.path()));
            return Usage;
        }
        if (parser.isSet(QStringLiteral("stream-seconds"))) {
            bool ok = false;
            urlOptions.streamSeconds = parser.value(QStringLiteral("stream-seconds")).toInt(&ok);
            if (!ok || urlOptions.streamSeconds < 1) {
                out.error(QStringLiteral("--stream-seconds wants a positive number"));
                return Usage;
            }
        }
        urlOptions.caCertFile = parser.value(QStringLiteral("cacert"));
        int code = Ok;
        const auto config = context.loadConfig(&code, false);
        urlOptions.user = parser.isSet(QStringLiteral("user")) ? parser.value(QStringLiteral("user"))
            : config                                           ? config->username
                                                               : QStringLiteral("opencode");
        if (parser.isSet(QStringLiteral("password-stdin"))) {
            if (!out.readLine(&urlOptions.password, false) || urlOptions.password.isEmpty()) {
                out.error(QStringLiteral("No password given on stdin."));
                return Usage;
            }
        } else if (auto pw = context.password(&code)) {
            urlOptions.password = *pw;
        }
        UrlDoctor doctor(urlOptions);
        int worst = Ok;
        doctor.run([&](const UrlCheck& c) {
            const char* mark = c.result == UrlCheck::Result::Ok ? "ok"
                : c.result == UrlCheck::Result::Warn            ? "warn"
                : c.result == UrlCheck::Result::Skip            ? "skip"
                                                                : "FAIL";
            line(mark, c.name, HintText::describe(c.detail, c.hints));
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
