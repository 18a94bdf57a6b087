#include "core/osservice/LaunchdPlist.h"

#include "core/osservice/RetryPolicy.h"

#include <QDir>

namespace occ {

namespace {

bool isXmlCharacter(char32_t c)
{
    // XML 1.0 cannot carry most control characters at all, not even as character references.
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

QString string(const QString& value)
{
    return QStringLiteral("<string>") + LaunchdPlist::escapeXml(value) + QStringLiteral("</string>");
}

QString key(const QString& name)
{
    return QStringLiteral("<key>") + LaunchdPlist::escapeXml(name) + QStringLiteral("</key>");
}

} // namespace

QString LaunchdPlist::label()
{
    return QStringLiteral("org.opencode-cloud.occ");
}

QString LaunchdPlist::plistPath(ServiceDefinition::Scope scope, const QString& homeDir)
{
    if (scope == ServiceDefinition::Scope::System) {
        return QStringLiteral("/Library/LaunchDaemons/") + label() + QStringLiteral(".plist");
    }
    return QDir::cleanPath(homeDir) + QStringLiteral("/Library/LaunchAgents/") + label() + QStringLiteral(".plist");
}

QString LaunchdPlist::defaultLogDir(ServiceDefinition::Scope scope, const QString& homeDir)
{
    if (scope == ServiceDefinition::Scope::System) {
        return QStringLiteral("/Library/Logs/opencode-cloud");
    }
    return QDir::cleanPath(homeDir) + QStringLiteral("/Library/Logs/opencode-cloud");
}

QString LaunchdPlist::logDir(const ServiceDefinition& d)
{
    return d.logDir.isEmpty() ? LaunchdPlist::defaultLogDir(d.scope, d.homeDir) : QDir::cleanPath(d.logDir);
}

QString LaunchdPlist::stdoutPath(const ServiceDefinition& d)
{
    return logDir(d) + QStringLiteral("/occ-run.out.log");
}

QString LaunchdPlist::stderrPath(const ServiceDefinition& d)
{
    return logDir(d) + QStringLiteral("/occ-run.err.log");
}

QString LaunchdPlist::marker()
{
    return QStringLiteral("<!-- Written by occ (opencode-cloud). `occ service uninstall` removes it. -->");
}

QString LaunchdPlist::escapeXml(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&apos;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QStringList LaunchdPlist::problems(const ServiceDefinition& d)
{
    QStringList out;
    if (d.executable.isEmpty() || !d.executable.startsWith(QLatin1Char('/'))) {
        out << QStringLiteral("The occ executable path must be absolute (got \"%1\").").arg(d.executable);
    }
    if (d.configPath.isEmpty() || !d.configPath.startsWith(QLatin1Char('/'))) {
        out << QStringLiteral("The config path must be absolute (got \"%1\").").arg(d.configPath);
    }
    if (d.scope == ServiceDefinition::Scope::User && d.homeDir.isEmpty()) {
        out << QStringLiteral("A LaunchAgent needs the user's home folder.");
    }
    if (d.scope == ServiceDefinition::Scope::System && d.userName.isEmpty()) {
        out << QStringLiteral("A LaunchDaemon needs the account to run as.");
    }
    QStringList values{d.executable, d.configPath, d.userName, d.logDir, d.homeDir};
    for (auto it = d.environment.cbegin(); it != d.environment.cend(); ++it) {
        values << it.key() << it.value();
    }
    for (const QString& v : values) {
        for (char32_t c : v.toUcs4()) {
            if (!isXmlCharacter(c)) {
                out << QStringLiteral("A path or value contains a character a property list cannot hold.");
                return out;
            }
        }
    }
    return out;
}

QString LaunchdPlist::render(const ServiceDefinition& d)
{
    const LaunchdRestart restart = RetryPolicy(d.restart).launchd();
    const QString t = QStringLiteral("\t");
    const QString tt = QStringLiteral("\t\t");

    QStringList p;
    p << QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    p << QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">");
    p << marker();
    p << QStringLiteral("<plist version=\"1.0\">");
    p << QStringLiteral("<dict>");
    p << t + key(QStringLiteral("Label"));
    p << t + string(label());
    if (d.scope == ServiceDefinition::Scope::System) {
        p << t + key(QStringLiteral("UserName"));
        p << t + string(d.userName);
    }
    p << t + key(QStringLiteral("ProgramArguments"));
    p << t + QStringLiteral("<array>");
    p << tt + string(d.executable);
    for (const QString& arg : d.runArguments()) {
        p << tt + string(arg);
    }
    p << t + QStringLiteral("</array>");
    p << t + key(QStringLiteral("RunAtLoad"));
    p << t + QStringLiteral("<true/>");
    if (restart.keepAlive) {
        p << t + key(QStringLiteral("KeepAlive"));
        if (restart.onlyAfterFailure) {
            // Restart only when `occ run` exits non-zero or is killed; a clean exit stays down.
            p << t + QStringLiteral("<dict>");
            p << tt + key(QStringLiteral("SuccessfulExit"));
            p << tt + QStringLiteral("<false/>");
            p << t + QStringLiteral("</dict>");
        } else {
            p << t + QStringLiteral("<true/>");
        }
    }
    p << t + key(QStringLiteral("ThrottleInterval"));
    p << t + QStringLiteral("<integer>%1</integer>").arg(restart.throttleInterval);
    // launchd sends SIGTERM, then SIGKILL after ExitTimeOut seconds.
    p << t + key(QStringLiteral("ExitTimeOut"));
    p << t + QStringLiteral("<integer>%1</integer>").arg(d.stopTimeoutSeconds);
    p << t + key(QStringLiteral("StandardOutPath"));
    p << t + string(stdoutPath(d));
    p << t + key(QStringLiteral("StandardErrorPath"));
    p << t + string(stderrPath(d));
    if (!d.environment.isEmpty()) {
        p << t + key(QStringLiteral("EnvironmentVariables"));
        p << t + QStringLiteral("<dict>");
        for (auto it = d.environment.cbegin(); it != d.environment.cend(); ++it) {
            p << tt + key(it.key());
            p << tt + string(it.value());
        }
        p << t + QStringLiteral("</dict>");
    }
    p << QStringLiteral("</dict>");
    p << QStringLiteral("</plist>");
    return p.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString LaunchdPlist::domain(const ServiceDefinition& d)
{
    if (d.scope == ServiceDefinition::Scope::System) {
        return QStringLiteral("system");
    }
    return QStringLiteral("gui/%1").arg(d.userId);
}

QString LaunchdPlist::serviceTarget(const ServiceDefinition& d)
{
    return domain(d) + QLatin1Char('/') + label();
}

QStringList LaunchdPlist::bootstrapArguments(const ServiceDefinition& d)
{
    return {QStringLiteral("bootstrap"), domain(d), plistPath(d.scope, d.homeDir)};
}

QStringList LaunchdPlist::bootoutArguments(const ServiceDefinition& d)
{
    return {QStringLiteral("bootout"), serviceTarget(d)};
}

QStringList LaunchdPlist::enableArguments(const ServiceDefinition& d)
{
    // A service that was once `launchctl disable`d stays disabled across bootstrap.
    return {QStringLiteral("enable"), serviceTarget(d)};
}

QStringList LaunchdPlist::printArguments(const ServiceDefinition& d)
{
    return {QStringLiteral("print"), serviceTarget(d)};
}

} // namespace occ
