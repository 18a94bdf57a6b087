#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/osservice/LocalFileWriter.h"
#include "core/osservice/ProcessCommandRunner.h"
#include "core/osservice/ServiceInstaller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace occ::cli {
namespace {

ServiceDefinition definitionFor(const Config& config, const QString& configPath, bool system)
{
    ServiceDefinition d;
    d.scope = system ? ServiceDefinition::Scope::System : ServiceDefinition::Scope::User;
    d.executable = QFileInfo(QCoreApplication::applicationFilePath()).absoluteFilePath();
    d.configPath = QFileInfo(configPath).absoluteFilePath();
#ifdef Q_OS_UNIX
    const uid_t uid = ::getuid();
    d.userId = uid;
    if (const passwd* pw = ::getpwuid(uid)) {
        d.userName = QString::fromLocal8Bit(pw->pw_name);
        d.homeDir = QString::fromLocal8Bit(pw->pw_dir);
    }
#else
    d.userName = qEnvironmentVariable("USERNAME");
    d.homeDir = QDir::homePath();
#endif
    if (d.homeDir.isEmpty()) {
        d.homeDir = QDir::homePath();
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
         {"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY"}) {
        const QString key = QString::fromLatin1(name);
        if (env.contains(key)) {
            d.environment.insert(key, env.value(key));
        }
    }
    d.restart.policy = config.restartPolicy;
    d.restart.maxRetries = config.restartMaxRetries;
    d.restart.delaySeconds = config.restartDelaySeconds;
    d.restart.windowSeconds = config.restartWindowSeconds;
    return d;
}

class OsServiceCommand : public Command
{
public:
    OsServiceCommand()
    {
        name = QStringLiteral("service");
        arguments = QStringLiteral("install|uninstall|status");
        description =
            QStringLiteral("Install `occ run` as an OS service (systemd, launchd, Windows) that survives reboots.");
        details = QStringLiteral("  install    write and enable the unit / plist / service (idempotent)\n"
                                 "  uninstall  remove exactly what install made; volumes and config stay\n"
                                 "  status     whether it is installed and running, and its restarts");
        options = {
            {QStringLiteral("user"), QStringLiteral("For this user (default): systemd --user, a LaunchAgent.")},
            {QStringLiteral("system"),
             QStringLiteral("System-wide: a system unit with User=, a LaunchDaemon, a Windows service.")},
            {QStringLiteral("dry-run"), QStringLiteral("Print exactly what would be written and run, and do nothing.")},
        };
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        Output& out = context.out();
        const QStringList args = parser.positionalArguments();
        const QString action = args.value(0);
        if (args.size() != 1
            || !QStringList{QStringLiteral("install"), QStringLiteral("uninstall"), QStringLiteral("status")}.contains(
                action)) {
            out.error(QStringLiteral("usage: occ service install|uninstall|status [--user|--system] [--dry-run]"));
            return Usage;
        }
        if (parser.isSet(QStringLiteral("user")) && parser.isSet(QStringLiteral("system"))) {
            out.error(QStringLiteral("--user and --system exclude each other."));
            return Usage;
        }
        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        const ServiceDefinition definition =
            definitionFor(*config, context.configPath(), parser.isSet(QStringLiteral("system")));
        ProcessCommandRunner runner;
        LocalFileWriter files;
        auto installer = ServiceInstaller::create(ServiceInstaller::nativeBackend(), runner, files);
        const QStringList problems = installer->problems(definition);
        if (!problems.isEmpty() && action != QLatin1String("status")) {
            out.error(problems.join(QLatin1Char('\n')));
            return Failure;
        }

        if (parser.isSet(QStringLiteral("dry-run"))) {
            return dryRun(out, *installer, definition);
        }
        if (action == QLatin1String("install")) {
            return doInstall(out, *installer, definition);
        }
        if (action == QLatin1String("uninstall")) {
            return doUninstall(out, *installer, definition);
        }
        return showStatus(out, *installer, definition);
    }

private:
    static int dryRun(Output& out, ServiceInstaller& installer, const ServiceDefinition& definition)
    {
        const ServicePlan plan = installer.renderDryRun(definition);
        for (const PlannedFile& f : plan.files) {
            out.result(QStringLiteral("# %1\n%2").arg(f.path, QString::fromUtf8(f.content)));
        }
        for (const ServiceCommand& c : plan.commands) {
            out.result(QStringLiteral("$ %1").arg(c.toDisplayString()));
        }
        return Ok;
    }

    static int doInstall(Output& out, ServiceInstaller& installer, const ServiceDefinition& definition)
    {
        auto report = installer.install(definition);
        if (!report) {
            out.error(report.error().message);
            out.detail(report.error().detail);
            return Failure;
        }
        out.info(report->changed ? QStringLiteral("Installed and started the opencode-cloud service.")
                                 : QStringLiteral("The opencode-cloud service was already installed."));
        for (const QString& note : report->notes) {
            out.info(note);
        }
        if (report->lingerDisabled) {
            out.warning(QStringLiteral("Lingering is off for %1: the service stops when you log out. "
                                       "Enable it with `sudo loginctl enable-linger %1`.")
                            .arg(definition.userName));
        }
        return Ok;
    }

    static int doUninstall(Output& out, ServiceInstaller& installer, const ServiceDefinition& definition)
    {
        auto removed = installer.uninstall(definition);
        if (!removed) {
            out.error(removed.error().message);
            out.detail(removed.error().detail);
            return Failure;
        }
        out.info(QStringLiteral("Removed the opencode-cloud service. Config and volumes are kept."));
        return Ok;
    }

    static int showStatus(Output& out, ServiceInstaller& installer, const ServiceDefinition& definition)
    {
        auto status = installer.status(definition);
        if (!status) {
            out.error(status.error().message);
            return Failure;
        }
        out.result(
            QStringLiteral("installed: %1").arg(status->installed ? QStringLiteral("yes") : QStringLiteral("no")));
        if (status->installed) {
            out.result(QStringLiteral("running:   %1 (%2%3)")
                           .arg(status->running ? QStringLiteral("yes") : QStringLiteral("no"), status->state,
                                status->subState.isEmpty() ? QString() : QLatin1Char('/') + status->subState));
            out.result(QStringLiteral("restarts:  %1").arg(status->restarts));
        }
        return status->installed ? (status->running ? Ok : StatusStopped) : NotSetUp;
    }
};

} // namespace

std::unique_ptr<Command> makeOsServiceCommand()
{
    return std::make_unique<OsServiceCommand>();
}

} // namespace occ::cli
