#include "core/osservice/WindowsService.h"

#include "core/osservice/RetryPolicy.h"

namespace occ {

QString WindowsService::serviceName()
{
    return QStringLiteral("opencode-cloud");
}

QString WindowsService::displayName()
{
    return QStringLiteral("opencode-cloud");
}

QString WindowsService::description()
{
    return QStringLiteral("Runs the opencode AI coding agent as a persistent Docker service.");
}

QString WindowsService::quoteArgument(const QString& argument)
{
    const bool needsQuotes = argument.isEmpty() || argument.contains(QLatin1Char(' '))
        || argument.contains(QLatin1Char('\t')) || argument.contains(QLatin1Char('\n'))
        || argument.contains(QLatin1Char('\v')) || argument.contains(QLatin1Char('"'));
    if (!needsQuotes) {
        return argument;
    }
    QString out(QLatin1Char('"'));
    int backslashes = 0;
    for (QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        if (c == QLatin1Char('"')) {
            // 2n backslashes + \" give n backslashes and a literal quote.
            out += QString(backslashes * 2 + 1, QLatin1Char('\\'));
            out += c;
        } else {
            out += QString(backslashes, QLatin1Char('\\'));
            out += c;
        }
        backslashes = 0;
    }
    // Trailing backslashes sit before our closing quote, so they are doubled too.
    out += QString(backslashes * 2, QLatin1Char('\\'));
    out += QLatin1Char('"');
    return out;
}

QString WindowsService::commandLine(const QString& program, const QStringList& arguments)
{
    QStringList parts{QLatin1Char('"') + program + QLatin1Char('"')};
    for (const QString& arg : arguments) {
        parts << quoteArgument(arg);
    }
    return parts.join(QLatin1Char(' '));
}

QStringList WindowsService::problems(const ServiceDefinition& d)
{
    QStringList out;
    auto absolute = [](const QString& p) {
        // C:\... or \\server\share\...
        return (p.size() > 2 && p.at(1) == QLatin1Char(':')
                && (p.at(2) == QLatin1Char('\\') || p.at(2) == QLatin1Char('/')))
            || p.startsWith(QLatin1String("\\\\"));
    };
    if (!absolute(d.executable)) {
        out << QStringLiteral("The occ.exe path must be absolute (got \"%1\").").arg(d.executable);
    }
    if (d.executable.contains(QLatin1Char('"'))) {
        out << QStringLiteral("The occ.exe path cannot contain a quote.");
    }
    if (!absolute(d.configPath)) {
        out << QStringLiteral("The config path must be absolute (got \"%1\").").arg(d.configPath);
    }
    if (d.scope != ServiceDefinition::Scope::System) {
        out << QStringLiteral("Windows services are system-wide; install from an administrator prompt.");
    }
    return out;
}

QString WindowsService::binaryPathName(const ServiceDefinition& d)
{
    return commandLine(d.executable, d.runArguments(true));
}

QStringList WindowsService::scCreateArguments(const ServiceDefinition& d)
{
    // delayed-auto: Docker Desktop's engine and the network come up after plain auto-start
    // services; `occ run` waits for the engine anyway, this only saves it the early retries.
    return {QStringLiteral("create"),       serviceName(),
            QStringLiteral("binPath="),     binaryPathName(d),
            QStringLiteral("start="),       QStringLiteral("delayed-auto"),
            QStringLiteral("DisplayName="), displayName()};
}

QStringList WindowsService::scConfigArguments(const ServiceDefinition& d)
{
    QStringList args = scCreateArguments(d);
    args[0] = QStringLiteral("config");
    return args;
}

QStringList WindowsService::scDescriptionArguments()
{
    return {QStringLiteral("description"), serviceName(), description()};
}

QString WindowsService::scActions(const WindowsRecovery& recovery)
{
    QStringList tokens;
    for (int ms : recovery.restartDelaysMs) {
        tokens << QStringLiteral("restart") << QString::number(ms);
    }
    return tokens.join(QLatin1Char('/'));
}

QStringList WindowsService::scFailureArguments(const ServiceDefinition& d)
{
    const WindowsRecovery recovery = RetryPolicy(d.restart).windows();
    // An empty actions= value clears earlier actions, so a switch to "no" takes effect.
    return {QStringLiteral("failure"),  serviceName(),
            QStringLiteral("reset="),   QString::number(recovery.resetPeriodSeconds),
            QStringLiteral("actions="), scActions(recovery)};
}

QStringList WindowsService::scFailureFlagArguments(const ServiceDefinition& d)
{
    const WindowsRecovery recovery = RetryPolicy(d.restart).windows();
    return {QStringLiteral("failureflag"), serviceName(),
            recovery.actOnNonCrashFailures ? QStringLiteral("1") : QStringLiteral("0")};
}

QStringList WindowsService::scStartArguments()
{
    return {QStringLiteral("start"), serviceName()};
}

QStringList WindowsService::scStopArguments()
{
    return {QStringLiteral("stop"), serviceName()};
}

QStringList WindowsService::scDeleteArguments()
{
    return {QStringLiteral("delete"), serviceName()};
}

QStringList WindowsService::scQueryArguments()
{
    return {QStringLiteral("query"), serviceName()};
}

QStringList WindowsService::scQueryConfigArguments()
{
    return {QStringLiteral("qc"), serviceName()};
}

} // namespace occ
