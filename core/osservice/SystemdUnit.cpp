#include "core/osservice/SystemdUnit.h"

#include "core/osservice/RetryPolicy.h"

#include <QDir>
#include <QRegularExpression>

namespace occ {

namespace {

bool hasControlCharacter(const QString& value)
{
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            return true;
        }
    }
    return false;
}

} // namespace

QString SystemdUnit::unitName()
{
    return QStringLiteral("opencode-cloud.service");
}

QString SystemdUnit::unitPath(ServiceDefinition::Scope scope, const QString& homeDir)
{
    if (scope == ServiceDefinition::Scope::System) {
        return QStringLiteral("/etc/systemd/system/") + unitName();
    }
    // Not $XDG_CONFIG_HOME: the user manager also reads ~/.config/systemd/user, and a unit there
    // survives a session that sets XDG_CONFIG_HOME differently.
    return QDir::cleanPath(homeDir) + QStringLiteral("/.config/systemd/user/") + unitName();
}

QString SystemdUnit::marker()
{
    return QStringLiteral("# Written by occ (opencode-cloud). `occ service uninstall` removes it.");
}

QString SystemdUnit::quote(const QString& value, Dollar dollar)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '%':
            out += QLatin1String("%%");
            break;
        case '$':
            out += dollar == Dollar::Escape ? QLatin1String("$$") : QLatin1String("$");
            break;
        default:
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QStringList SystemdUnit::problems(const ServiceDefinition& d)
{
    QStringList out;
    if (d.executable.isEmpty() || !d.executable.startsWith(QLatin1Char('/'))) {
        out << QStringLiteral("The occ executable path must be absolute (got \"%1\").").arg(d.executable);
    }
    // systemd rejects these in an executable path ("Executable name contains special characters").
    if (d.executable.contains(QLatin1Char('\\')) || d.executable.contains(QLatin1Char('"'))
        || d.executable.contains(QLatin1Char('\''))) {
        out << QStringLiteral("systemd cannot start an executable whose path contains quotes or backslashes: %1")
                   .arg(d.executable);
    }
    if (d.configPath.isEmpty() || !d.configPath.startsWith(QLatin1Char('/'))) {
        out << QStringLiteral("The config path must be absolute (got \"%1\").").arg(d.configPath);
    }
    if (d.scope == ServiceDefinition::Scope::System && d.userName.isEmpty()) {
        out << QStringLiteral("A system unit needs the account to run as.");
    }
    static const QRegularExpression userName(QStringLiteral("^[^\\s\"'/:\\\\]+$"));
    if (!d.userName.isEmpty() && !userName.match(d.userName).hasMatch()) {
        out << QStringLiteral("\"%1\" is not a user name systemd accepts.").arg(d.userName);
    }
    QStringList values{d.executable, d.configPath, d.userName, d.logDir, d.homeDir};
    for (auto it = d.environment.cbegin(); it != d.environment.cend(); ++it) {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!name.match(it.key()).hasMatch()) {
            out << QStringLiteral("\"%1\" is not a valid environment variable name.").arg(it.key());
        }
        values << it.value();
    }
    for (const QString& v : values) {
        if (hasControlCharacter(v)) {
            out << QStringLiteral("A path or value contains a control character (such as a newline).");
            break;
        }
    }
    return out;
}

QString SystemdUnit::render(const ServiceDefinition& d)
{
    const bool system = d.scope == ServiceDefinition::Scope::System;
    const SystemdRestart restart = RetryPolicy(d.restart).systemd();

    QStringList u;
    u << marker();
    u << QStringLiteral("[Unit]");
    u << QStringLiteral("Description=opencode-cloud (opencode as a persistent service)");
    u << QStringLiteral("Documentation=https://github.com/opencode-cloud/opencode-cloud");
    if (system) {
        // Docker may be remote (DOCKER_HOST) or not a unit at all; Wants= tolerates both.
        u << QStringLiteral("Wants=network-online.target docker.service");
        u << QStringLiteral("After=network-online.target docker.service");
    } else {
        // A user manager cannot order against system units (docker.service, network-online.target
        // live in the system manager), so only rootless Docker's user unit is named; `occ run`
        // waits for the engine itself.
        u << QStringLiteral("After=docker.service");
    }
    u << QStringLiteral("StartLimitIntervalSec=%1").arg(restart.startLimitIntervalSec);
    if (restart.startLimitIntervalSec > 0) {
        u << QStringLiteral("StartLimitBurst=%1").arg(restart.startLimitBurst);
    }
    u << QString();

    u << QStringLiteral("[Service]");
    // exec, not simple: `systemctl start` then fails when the binary cannot be executed.
    u << QStringLiteral("Type=exec");
    if (system) {
        // User= takes the name as it is (no quoting); problems() keeps odd names out.
        u << QStringLiteral("User=") + QString(d.userName).replace(QLatin1Char('%'), QStringLiteral("%%"));
    }
    QStringList exec{quote(d.executable, Dollar::Literal)};
    for (const QString& arg : d.runArguments()) {
        exec << quote(arg, Dollar::Escape);
    }
    u << QStringLiteral("ExecStart=") + exec.join(QLatin1Char(' '));
    for (auto it = d.environment.cbegin(); it != d.environment.cend(); ++it) {
        u << QStringLiteral("Environment=") + quote(it.key() + QLatin1Char('=') + it.value(), Dollar::Literal);
    }
    u << QStringLiteral("Restart=%1").arg(restart.restart);
    u << QStringLiteral("RestartSec=%1").arg(restart.restartSec);
    // SIGTERM reaches `occ run` alone (mixed), so it can stop the container and its ssh helpers in
    // order; whatever is left after TimeoutStopSec gets SIGKILL.
    u << QStringLiteral("KillMode=mixed");
    u << QStringLiteral("KillSignal=SIGTERM");
    u << QStringLiteral("TimeoutStopSec=%1").arg(d.stopTimeoutSeconds);
    // The config is 0600; so is everything `occ run` creates.
    u << QStringLiteral("UMask=0077");
    u << QStringLiteral("NoNewPrivileges=yes");
    if (system) {
        // Connecting to a unix socket works on a read-only mount, so the Docker socket (and
        // rootless Docker's under /run/user) stays usable under ProtectSystem=strict and
        // ProtectHome=read-only. Only the config folder and the log folder are written. The
        // mount-namespace options are for system units only: in a user manager they need
        // unprivileged user namespaces, which several distributions restrict.
        u << QStringLiteral("ProtectSystem=strict");
        u << QStringLiteral("ProtectHome=read-only");
        QStringList writable{quote(QStringLiteral("-") + d.configDir(), Dollar::Literal)};
        if (!d.logDir.isEmpty() && QDir::cleanPath(d.logDir) != d.configDir()) {
            writable << quote(QStringLiteral("-") + QDir::cleanPath(d.logDir), Dollar::Literal);
        }
        u << QStringLiteral("ReadWritePaths=") + writable.join(QLatin1Char(' '));
        u << QStringLiteral("PrivateTmp=yes");
        u << QStringLiteral("PrivateDevices=yes");
        u << QStringLiteral("ProtectKernelTunables=yes");
        u << QStringLiteral("ProtectKernelModules=yes");
        u << QStringLiteral("ProtectControlGroups=yes");
        u << QStringLiteral("RestrictSUIDSGID=yes");
        u << QStringLiteral("RestrictRealtime=yes");
        u << QStringLiteral("LockPersonality=yes");
        // unix for the engine socket, inet for tcp/ssh engines and the health probe.
        u << QStringLiteral("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6");
    }
    u << QString();

    u << QStringLiteral("[Install]");
    u << (system ? QStringLiteral("WantedBy=multi-user.target") : QStringLiteral("WantedBy=default.target"));
    return u.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace occ
