#include "cli/Context.h"
#include "cli/HintText.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/config/ConfigSchema.h"
#include "core/config/ConfigStore.h"
#include "core/config/CredentialStore.h"
#include "core/config/Password.h"
#include "core/detection/Detection.h"
#include "core/service/ServiceSpec.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace occ::cli {
namespace {

// Asks one question with a default; returns the default on an empty answer or EOF.
QString ask(Output& out, const QString& question, const QString& fallback)
{
    out.info(QStringLiteral("%1 [%2]:").arg(question, fallback));
    QString answer;
    if (!out.readLine(&answer) || answer.trimmed().isEmpty()) {
        return fallback;
    }
    return answer.trimmed();
}

bool confirm(Output& out, const QString& question, bool fallback)
{
    const QString answer = ask(out, question, fallback ? QStringLiteral("Y/n") : QStringLiteral("y/N"));
    if (answer.compare(QLatin1String("y/n"), Qt::CaseInsensitive) == 0) {
        return fallback; // the default came back
    }
    return answer.startsWith(QLatin1Char('y'), Qt::CaseInsensitive);
}

// Debian and Ubuntu ship the engine as `docker.io`. Only offered where apt-get exists.
bool installDocker(Output& out)
{
    const QString aptGet = QStandardPaths::findExecutable(QStringLiteral("apt-get"));
    if (aptGet.isEmpty()) {
        out.error(
            QStringLiteral("Docker is not installed and this system has no apt-get. Install Docker Engine "
                           "for your system (https://docs.docker.com/engine/install/), then run `occ setup` again."));
        return false;
    }
    QStringList prefix;
#ifdef Q_OS_UNIX
    if (::geteuid() != 0) {
        prefix << QStringLiteral("sudo");
    }
#endif
    auto run = [&prefix](const QStringList& command) {
        QStringList args = prefix + command;
        const QString program = args.takeFirst();
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
        p.setProcessEnvironment(env);
        p.start(program, args);
        p.waitForFinished(-1);
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    };
    out.info(QStringLiteral("Installing Docker (docker.io) with apt-get..."));
    if (!run({aptGet, QStringLiteral("update"), QStringLiteral("-qq")})
        || !run({aptGet, QStringLiteral("install"), QStringLiteral("-y"), QStringLiteral("-qq"),
                 QStringLiteral("docker.io")})) {
        out.error(QStringLiteral("Installing docker.io failed (see apt-get's output above)."));
        return false;
    }
    if (QFileInfo(QStringLiteral("/run/systemd/system")).isDir()) {
        run({QStringLiteral("systemctl"), QStringLiteral("enable"), QStringLiteral("--now"), QStringLiteral("docker")});
    }
    return true;
}

class SetupCommand : public Command
{
public:
    SetupCommand()
    {
        name = QStringLiteral("setup");
        description =
            QStringLiteral("Create or edit the configuration; asks on a terminal, or takes flags with --yes.");
        details = QStringLiteral(
            "Checks the Docker engine, picks a free port, and generates a strong password (shown once; later\n"
            "with `occ password show`). Running it again edits the existing setup and keeps data and password.\n"
            "Never asks when stdin is not a terminal.");
        options = {
            {{QStringLiteral("y"), QStringLiteral("yes")}, QStringLiteral("Accept defaults and flags; ask nothing.")},
            {QStringLiteral("port"), QStringLiteral("Port to publish opencode on (default 4096)."),
             QStringLiteral("N")},
            {QStringLiteral("bind"),
             QStringLiteral("Address to listen on: 127.0.0.1 (this machine only, default) or 0.0.0.0 (all)."),
             QStringLiteral("ADDR")},
            {QStringLiteral("public-url"), QStringLiteral("The URL people use, e.g. behind a load balancer."),
             QStringLiteral("URL")},
            {QStringLiteral("username"), QStringLiteral("Web UI user name (default opencode)."),
             QStringLiteral("NAME")},
            {QStringLiteral("password-stdin"),
             QStringLiteral("Read the password from stdin instead of generating one.")},
            {QStringLiteral("new-password"), QStringLiteral("Generate a new password even if one exists.")},
            {QStringLiteral("restart-policy"), QStringLiteral("no, always, unless-stopped (default) or on-failure."),
             QStringLiteral("POLICY")},
            {QStringLiteral("workspace"), QStringLiteral("A host folder for projects instead of a named volume."),
             QStringLiteral("DIR")},
            {QStringLiteral("no-install-docker"), QStringLiteral("Do not offer to install Docker when it is missing.")},
        };
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        Output& out = context.out();
        const bool interactive = !parser.isSet(QStringLiteral("yes")) && out.isInteractive();
        int code = Ok;
        auto loaded = context.loadConfig(&code, false);
        if (!loaded) {
            return code; // a broken file is reported and left alone
        }
        Config config = *loaded;
        const bool existing = context.configExists();
        out.info(existing ? QStringLiteral("Editing the existing setup in %1.").arg(context.configPath())
                          : QStringLiteral("Setting up opencode-cloud (%1).").arg(context.configPath()));
        // Flags first: they are what the user asked for, on a terminal too.
        if (!applyFlags(out, parser, config)) {
            return Usage;
        }
        // The engine, our container and the port: the same detection the setup wizard runs.
        Detection detection;
        detection.setConfigPath(context.configPath());
        detection.setConfig(config);
        DetectionResult found = detectEngine(out, parser, detection, interactive);
        if (const int failed = choosePort(out, parser, interactive, detection, found, config); failed != Ok) {
            return failed;
        }
        // The password: keep an existing one unless asked; generate one otherwise.
        QString password;
        bool showPassword = false;
        if (const int failed = choosePassword(context, parser, &password, &showPassword); failed != Ok) {
            return failed;
        }
        return save(context, config, password, showPassword);
    }

private:
    static bool applyFlags(Output& out, const QCommandLineParser& parser, Config& config)
    {
        struct Flag
        {
            const char* option;
            const char* key;
        };
        const Flag flags[] = {{"port", "network.port"},
                              {"bind", "network.bind"},
                              {"public-url", "network.public_url"},
                              {"username", "auth.username"},
                              {"restart-policy", "restart.policy"},
                              {"workspace", "volumes.workspace_path"}};
        for (const Flag& f : flags) {
            const QString option = QString::fromLatin1(f.option);
            if (parser.isSet(option)) {
                QString value = parser.value(option);
                if (option == QLatin1String("workspace")) {
                    value = QFileInfo(value).absoluteFilePath();
                }
                auto set = ConfigSchema::set(config, QString::fromLatin1(f.key), value);
                if (!set) {
                    out.error(QStringLiteral("--%1: %2").arg(option, set.error().message));
                    return false;
                }
            }
        }
        return true;
    }

    static DetectionResult detectEngine(Output& out, const QCommandLineParser& parser, Detection& detection,
                                        bool interactive)
    {
        DetectionResult found = detection.detectNow();
        if (found.engine == DetectionResult::Engine::NotInstalled
            && !parser.isSet(QStringLiteral("no-install-docker"))) {
            const bool install = interactive
                ? confirm(out, QStringLiteral("Docker is not installed. Install it now?"), true)
                : parser.isSet(QStringLiteral("yes"));
            if (install && installDocker(out)) {
                found = detection.detectNow();
            }
        }
        if (found.engineOk()) {
            out.info(QStringLiteral("Docker engine: reachable at %1.").arg(found.endpoint));
        } else {
            out.warning(found.engineError.isError() ? HintText::describe(found.engineError) : found.engineDetail);
            out.warning(QStringLiteral("Setup continues; `occ start` needs the engine."));
        }
        return found;
    }

    // Who may connect (asked on a terminal), and a port that is free; Ok or the exit code.
    static int choosePort(Output& out, const QCommandLineParser& parser, bool interactive, Detection& detection,
                          DetectionResult& found, Config& config)
    {
        if (interactive) {
            const QString where = ask(out,
                                      QStringLiteral("Who may connect? 1) this machine only  2) the network "
                                                     "(LAN, or a load balancer in front)"),
                                      ServiceSpec::isLoopback(config.bind) ? QStringLiteral("1") : QStringLiteral("2"));
            const QString bind = where == QLatin1String("2") ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1");
            if (!(where == QLatin1String("2") && !ServiceSpec::isLoopback(config.bind))) {
                config.bind = bind;
            }
            detection.setConfig(config);
            detection.checkPort(found); // the answer may have changed the address
        }
        // Is the port free? Our own running container holding it does not count.
        if (!found.portUsable()) {
            const int next = found.suggestedPort;
            const QString by = found.portHolder.isEmpty() ? QString() : QStringLiteral(" by ") + found.portHolder;
            if (next == 0) {
                out.error(QStringLiteral("Port %1 is in use and no free port follows it. Choose one with --port N.")
                              .arg(config.port));
                return Failure;
            }
            if (parser.isSet(QStringLiteral("port")) && !interactive) {
                out.error(QStringLiteral("Port %1 is in use%2. Choose another with --port (%3 is free).")
                              .arg(config.port)
                              .arg(by)
                              .arg(next));
                return Failure;
            }
            out.info(QStringLiteral("Port %1 is in use%2; using %3.").arg(config.port).arg(by).arg(next));
            config.port = next;
        }
        while (interactive) {
            const QString port = ask(out, QStringLiteral("Port"), QString::number(config.port));
            auto set = ConfigSchema::set(config, QStringLiteral("network.port"), port);
            if (set) {
                break;
            }
            out.error(set.error().message);
        }
        return Ok;
    }

    static int choosePassword(Context& context, const QCommandLineParser& parser, QString* password, bool* showPassword)
    {
        Output& out = context.out();
        int code = Ok;
        auto current = context.password(&code);
        if (!current) {
            return code;
        }
        *password = *current;
        if (parser.isSet(QStringLiteral("password-stdin"))) {
            if (!out.readLine(password, false) || password->isEmpty()) {
                out.error(QStringLiteral("--password-stdin: no password on stdin."));
                return Usage;
            }
            const PasswordStrength strength = passwordStrength(*password);
            if (!strength.acceptable()) {
                out.error(QStringLiteral("That password is too weak: %1.").arg(strength.reason));
                return Usage;
            }
        } else if (password->isEmpty() || parser.isSet(QStringLiteral("new-password"))) {
            *password = generatePassword();
            *showPassword = true;
        }
        return Ok;
    }

    static int save(Context& context, const Config& config, const QString& password, bool showPassword)
    {
        Output& out = context.out();
        int code = Ok;
        const ConfigErrors problems = ConfigSchema::validate(config);
        if (!problems.isEmpty()) {
            out.error(toString(problems));
            return ConfigInvalid;
        }
        if (!context.saveConfig(config, &code) || !context.savePassword(password, &code)) {
            return code;
        }
        out.info(QStringLiteral("Saved %1.").arg(context.configPath()));
        out.result(QStringLiteral("URL:      %1").arg(ServiceSpec::url(config)));
        out.result(QStringLiteral("User:     %1").arg(config.username));
        if (showPassword && out.isTerminal()) {
            // Shown once, and only to a person: redirected output may end up in a log file.
            out.result(QStringLiteral("Password: %1").arg(password));
            out.info(QStringLiteral("This is the only time setup shows it; `occ password show` prints it again."));
        } else if (showPassword) {
            out.info(QStringLiteral("A strong password was generated; read it with `occ password show`."));
        } else {
            out.info(QStringLiteral("The password is unchanged (`occ password show`)."));
        }
        out.info(QStringLiteral("Next: `occ start`."));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeSetupCommand()
{
    return std::make_unique<SetupCommand>();
}

} // namespace occ::cli
