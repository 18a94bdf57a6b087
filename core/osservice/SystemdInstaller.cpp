#include "core/osservice/SystemdInstaller.h"

#include "core/osservice/FileWriter.h"
#include "core/osservice/SystemdUnit.h"

namespace occ {

namespace {

bool isUser(const ServiceDefinition& d)
{
    return d.scope == ServiceDefinition::Scope::User;
}

QString unitPathOf(const ServiceDefinition& d)
{
    return SystemdUnit::unitPath(d.scope, d.homeDir);
}

} // namespace

ServiceCommand SystemdInstaller::systemctl(const ServiceDefinition& d, const QStringList& verbAndArguments)
{
    QStringList args;
    if (isUser(d)) {
        args << QStringLiteral("--user");
    }
    args << verbAndArguments;
    return {QStringLiteral("systemctl"), args};
}

ServiceCommand SystemdInstaller::lingerQuery(const ServiceDefinition& d)
{
    return {QStringLiteral("loginctl"), {QStringLiteral("show-user"), d.userName, QStringLiteral("--property=Linger")}};
}

QStringList SystemdInstaller::problems(const ServiceDefinition& d) const
{
    QStringList out = SystemdUnit::problems(d);
    if (isUser(d) && d.homeDir.isEmpty()) {
        out << QStringLiteral("A user unit needs the user's home folder.");
    }
    return out;
}

ServicePlan SystemdInstaller::renderDryRun(const ServiceDefinition& d) const
{
    ServicePlan plan;
    plan.files << PlannedFile{unitPathOf(d), SystemdUnit::render(d).toUtf8()};
    plan.commands << systemctl(d, {QStringLiteral("daemon-reload")});
    plan.commands << systemctl(d, {QStringLiteral("enable"), QStringLiteral("--now"), SystemdUnit::unitName()});
    if (isUser(d)) {
        plan.commands << lingerQuery(d);
    }
    return plan;
}

Result<InstallReport, OsServiceError> SystemdInstaller::install(const ServiceDefinition& d)
{
    const QStringList found = problems(d);
    if (!found.isEmpty()) {
        return OsServiceError{found.first(), found.join(QLatin1Char('\n'))};
    }
    const QString path = unitPathOf(d);
    const QByteArray content = SystemdUnit::render(d).toUtf8();
    const std::optional<QByteArray> existing = m_files.read(path);
    if (existing && !existing->startsWith(SystemdUnit::marker().toUtf8())) {
        return OsServiceError{QStringLiteral("%1 exists and was not written by occ; it is left alone.").arg(path), {}};
    }

    InstallReport report;
    const QString unit = SystemdUnit::unitName();
    if (existing && *existing == content) {
        // Same unit: only repair a disabled or stopped service, never reload for nothing.
        const bool enabled = m_runner.run(systemctl(d, {QStringLiteral("is-enabled"), unit})).succeeded();
        const bool active = m_runner.run(systemctl(d, {QStringLiteral("is-active"), unit})).succeeded();
        if (!enabled || !active) {
            report.changed = true;
            if (auto error = runChecked(systemctl(d, {QStringLiteral("enable"), QStringLiteral("--now"), unit}),
                                        QStringLiteral("Could not enable and start the service."))) {
                return *error;
            }
        }
    } else {
        report.changed = true;
        QString writeError;
        if (!m_files.write(path, content, &writeError)) {
            return OsServiceError{QStringLiteral("Could not write the unit file."), writeError};
        }
        if (auto error = runChecked(systemctl(d, {QStringLiteral("daemon-reload")}),
                                    QStringLiteral("systemd did not reload its units."))) {
            return *error;
        }
        if (existing) {
            // enable --now leaves a running service on its old command line; restart applies the
            // new unit (and starts the service if it was stopped).
            if (auto error = runChecked(systemctl(d, {QStringLiteral("enable"), unit}),
                                        QStringLiteral("Could not enable the service."))) {
                return *error;
            }
            if (auto error = runChecked(systemctl(d, {QStringLiteral("restart"), unit}),
                                        QStringLiteral("Could not restart the service."))) {
                return *error;
            }
        } else if (auto error = runChecked(systemctl(d, {QStringLiteral("enable"), QStringLiteral("--now"), unit}),
                                           QStringLiteral("Could not enable and start the service."))) {
            return *error;
        }
    }

    if (isUser(d)) {
        const CommandResult linger = m_runner.run(lingerQuery(d));
        // loginctl prints "Linger=yes"; anything else (including an error) means the service will
        // not outlive the session.
        report.lingerDisabled = !(linger.succeeded() && linger.standardOutput.trimmed() == "Linger=yes");
        if (report.lingerDisabled) {
            report.notes << QStringLiteral("Lingering is off for %1: the service stops at logout and does not start "
                                           "at boot until `loginctl enable-linger %1`.")
                                .arg(d.userName);
        }
    }
    return report;
}

Result<Unit, OsServiceError> SystemdInstaller::uninstall(const ServiceDefinition& d)
{
    const QString path = unitPathOf(d);
    const std::optional<QByteArray> existing = m_files.read(path);
    if (!existing) {
        return Unit{};
    }
    if (!existing->startsWith(SystemdUnit::marker().toUtf8())) {
        return OsServiceError{QStringLiteral("%1 was not written by occ; it is left alone.").arg(path), {}};
    }
    const QString unit = SystemdUnit::unitName();
    // Stop before removing: systemd keeps running a unit whose file is gone, until the next boot.
    if (auto error = runChecked(systemctl(d, {QStringLiteral("disable"), QStringLiteral("--now"), unit}),
                                QStringLiteral("Could not stop and disable the service; nothing was removed."))) {
        return *error;
    }
    QString removeError;
    if (!m_files.remove(path, &removeError)) {
        return OsServiceError{QStringLiteral("Could not remove the unit file."), removeError};
    }
    if (auto error = runChecked(systemctl(d, {QStringLiteral("daemon-reload")}),
                                QStringLiteral("systemd did not reload its units."))) {
        return *error;
    }
    // Forget a failed state, or `systemctl --failed` lists a unit that no longer exists.
    m_runner.run(systemctl(d, {QStringLiteral("reset-failed"), unit}));
    return Unit{};
}

Result<OsServiceStatus, OsServiceError> SystemdInstaller::status(const ServiceDefinition& d)
{
    if (!m_files.read(unitPathOf(d))) {
        return OsServiceStatus{};
    }
    CommandResult result;
    if (auto error = runChecked(
            systemctl(d,
                      {QStringLiteral("show"), QStringLiteral("-p"),
                       QStringLiteral("LoadState,ActiveState,SubState,NRestarts,Result"), SystemdUnit::unitName()}),
            QStringLiteral("Could not ask systemd for the service state."), &result)) {
        return *error;
    }
    return parseShow(result.standardOutput);
}

Result<Unit, OsServiceError> SystemdInstaller::enableLinger(const ServiceDefinition& d)
{
    if (!isUser(d)) {
        return Unit{};
    }
    if (auto error = runChecked({QStringLiteral("loginctl"), {QStringLiteral("enable-linger"), d.userName}},
                                QStringLiteral("Could not enable lingering for %1.").arg(d.userName))) {
        return *error;
    }
    return Unit{};
}

OsServiceStatus SystemdInstaller::parseShow(const QByteArray& output)
{
    OsServiceStatus status;
    QString loadState;
    for (const QByteArray& rawLine : output.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            continue;
        }
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1);
        if (key == QLatin1String("LoadState")) {
            loadState = value;
        } else if (key == QLatin1String("ActiveState")) {
            status.state = value;
        } else if (key == QLatin1String("SubState")) {
            status.subState = value;
        } else if (key == QLatin1String("Result")) {
            status.result = value;
        } else if (key == QLatin1String("NRestarts")) {
            status.restarts = value.toInt();
        }
    }
    // A unit systemd has not loaded (no daemon-reload yet, or removed) reports "not-found".
    status.installed = !loadState.isEmpty() && loadState != QLatin1String("not-found");
    status.running = status.state == QLatin1String("active") || status.state == QLatin1String("reloading");
    return status;
}

} // namespace occ
