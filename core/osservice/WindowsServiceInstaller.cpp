#include "core/osservice/WindowsServiceInstaller.h"

#include "core/osservice/RetryPolicy.h"
#include "core/osservice/WindowsService.h"

#include <QRegularExpression>

namespace occ {

namespace {

// The same service name could belong to something else; ours always runs `occ run --service`.
bool looksLikeOurs(const QString& binaryPath)
{
    return binaryPath.contains(QLatin1String(" run --service "));
}

} // namespace

ServiceCommand WindowsServiceInstaller::sc(const QStringList& arguments)
{
    // sc.exe by full name: in PowerShell "sc" is an alias of Set-Content.
    return {QStringLiteral("sc.exe"), arguments};
}

QStringList WindowsServiceInstaller::problems(const ServiceDefinition& d) const
{
    return WindowsService::problems(d);
}

ServicePlan WindowsServiceInstaller::renderDryRun(const ServiceDefinition& d) const
{
    ServicePlan plan;
    plan.commands << sc(WindowsService::scCreateArguments(d));
    plan.commands << sc(WindowsService::scDescriptionArguments());
    plan.commands << sc(WindowsService::scFailureArguments(d));
    plan.commands << sc(WindowsService::scFailureFlagArguments(d));
    plan.commands << sc(WindowsService::scStartArguments());
    return plan;
}

Result<InstallReport, OsServiceError> WindowsServiceInstaller::install(const ServiceDefinition& d)
{
    const QStringList found = problems(d);
    if (!found.isEmpty()) {
        return OsServiceError{found.first(), found.join(QLatin1Char('\n'))};
    }
    InstallReport report;
    const CommandResult config = m_runner.run(sc(WindowsService::scQueryConfigArguments()));
    const bool exists = config.succeeded();
    QList<QStringList> steps;
    if (exists) {
        const QString binaryPath = parseBinaryPath(config.standardOutput);
        if (!looksLikeOurs(binaryPath)) {
            return OsServiceError{QStringLiteral("A service named %1 exists and does not run occ; it is left alone.")
                                      .arg(WindowsService::serviceName()),
                                  binaryPath};
        }
        const WindowsRecovery wanted = RetryPolicy(d.restart).windows();
        const WindowsRecovery current =
            parseFailure(m_runner.run(sc({QStringLiteral("qfailure"), WindowsService::serviceName()})).standardOutput);
        const bool running = parseQuery(m_runner.run(sc(WindowsService::scQueryArguments())).standardOutput).running;
        const bool sameBinary = binaryPath == WindowsService::binaryPathName(d);
        const bool sameRecovery = current.restartDelaysMs == wanted.restartDelaysMs
            && current.resetPeriodSeconds == wanted.resetPeriodSeconds;
        if (sameBinary && sameRecovery && running) {
            return report;
        }
        if (!sameBinary) {
            steps << WindowsService::scConfigArguments(d);
        }
        if (!sameRecovery) {
            steps << WindowsService::scFailureArguments(d) << WindowsService::scFailureFlagArguments(d);
        }
        if (running && !sameBinary) {
            // sc stop only asks; if the service is still stopping, the start below fails with 1056
            // and the user reruns install. WindowsServiceManager waits properly.
            steps << WindowsService::scStopArguments();
        }
        if (!running || !sameBinary) {
            steps << WindowsService::scStartArguments();
        }
    } else {
        steps << WindowsService::scCreateArguments(d) << WindowsService::scDescriptionArguments()
              << WindowsService::scFailureArguments(d) << WindowsService::scFailureFlagArguments(d)
              << WindowsService::scStartArguments();
    }
    report.changed = true;
    for (const QStringList& step : steps) {
        if (auto error = runChecked(sc(step), QStringLiteral("sc.exe %1 failed.").arg(step.first()))) {
            return *error;
        }
    }
    return report;
}

Result<Unit, OsServiceError> WindowsServiceInstaller::uninstall(const ServiceDefinition& d)
{
    const CommandResult config = m_runner.run(sc(WindowsService::scQueryConfigArguments()));
    if (!config.succeeded()) {
        return Unit{}; // not installed (1060: the service does not exist)
    }
    if (!looksLikeOurs(parseBinaryPath(config.standardOutput))) {
        return OsServiceError{
            QStringLiteral("The service %1 does not run occ; it is left alone.").arg(WindowsService::serviceName()),
            {}};
    }
    // A stopped service answers 1062 to stop; deleting works either way (a running one is
    // removed once it stops).
    m_runner.run(sc(WindowsService::scStopArguments()));
    if (auto error = runChecked(sc(WindowsService::scDeleteArguments()), QStringLiteral("sc.exe delete failed."))) {
        return *error;
    }
    return Unit{};
}

Result<OsServiceStatus, OsServiceError> WindowsServiceInstaller::status(const ServiceDefinition&)
{
    const CommandResult result = m_runner.run(sc(WindowsService::scQueryArguments()));
    if (!result.succeeded()) {
        return OsServiceStatus{};
    }
    return parseQuery(result.standardOutput);
}

QString WindowsServiceInstaller::parseBinaryPath(const QByteArray& output)
{
    for (const QByteArray& rawLine : output.split('\n')) {
        const QString line = QString::fromLocal8Bit(rawLine).trimmed();
        if (line.startsWith(QLatin1String("BINARY_PATH_NAME"))) {
            const int colon = line.indexOf(QLatin1Char(':'));
            return colon < 0 ? QString() : line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

WindowsRecovery WindowsServiceInstaller::parseFailure(const QByteArray& output)
{
    WindowsRecovery recovery;
    static const QRegularExpression reset(QStringLiteral("RESET_PERIOD[^:]*:\\s*(\\d+)"));
    static const QRegularExpression restart(QStringLiteral("RESTART\\s*--\\s*Delay\\s*=\\s*(\\d+)"));
    const QString text = QString::fromLocal8Bit(output);
    const QRegularExpressionMatch m = reset.match(text);
    if (m.hasMatch()) {
        recovery.resetPeriodSeconds = m.captured(1).toInt();
    }
    auto it = restart.globalMatch(text);
    while (it.hasNext()) {
        recovery.restartDelaysMs << it.next().captured(1).toInt();
    }
    return recovery;
}

OsServiceStatus WindowsServiceInstaller::parseQuery(const QByteArray& output)
{
    OsServiceStatus status;
    static const QRegularExpression state(QStringLiteral("STATE\\s*:\\s*\\d+\\s+(\\w+)"));
    const QRegularExpressionMatch m = state.match(QString::fromLocal8Bit(output));
    if (m.hasMatch()) {
        status.installed = true;
        status.state = m.captured(1);
        status.running = status.state == QLatin1String("RUNNING");
    }
    return status;
}

} // namespace occ
