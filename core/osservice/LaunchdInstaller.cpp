#include "core/osservice/LaunchdInstaller.h"

#include "core/osservice/FileWriter.h"
#include "core/osservice/LaunchdPlist.h"

#include <QFileInfo>

namespace occ {

namespace {

QString plistPathOf(const ServiceDefinition& d)
{
    return LaunchdPlist::plistPath(d.scope, d.homeDir);
}

} // namespace

ServiceCommand LaunchdInstaller::launchctl(const QStringList& arguments)
{
    return {QStringLiteral("launchctl"), arguments};
}

QStringList LaunchdInstaller::problems(const ServiceDefinition& d) const
{
    return LaunchdPlist::problems(d);
}

ServicePlan LaunchdInstaller::renderDryRun(const ServiceDefinition& d) const
{
    ServicePlan plan;
    plan.files << PlannedFile{plistPathOf(d), LaunchdPlist::render(d).toUtf8()};
    // launchd opens StandardOutPath itself and does not create missing folders.
    plan.directories << LaunchdPlist::logDir(d);
    plan.commands << launchctl(LaunchdPlist::enableArguments(d));
    plan.commands << launchctl(LaunchdPlist::bootstrapArguments(d));
    return plan;
}

Result<InstallReport, OsServiceError> LaunchdInstaller::install(const ServiceDefinition& d)
{
    const QStringList found = problems(d);
    if (!found.isEmpty()) {
        return OsServiceError{found.first(), found.join(QLatin1Char('\n'))};
    }
    const QString path = plistPathOf(d);
    const QByteArray content = LaunchdPlist::render(d).toUtf8();
    const std::optional<QByteArray> existing = m_files.read(path);
    if (existing && !existing->contains(LaunchdPlist::marker().toUtf8())) {
        return OsServiceError{QStringLiteral("%1 exists and was not written by occ; it is left alone.").arg(path), {}};
    }
    const bool loaded = m_runner.run(launchctl(LaunchdPlist::printArguments(d))).succeeded();

    InstallReport report;
    if (existing && *existing == content && loaded) {
        return report;
    }
    report.changed = true;
    QString error;
    if (!m_files.makeDirectory(LaunchdPlist::logDir(d), &error)) {
        return OsServiceError{QStringLiteral("Could not create the log folder."), error};
    }
    if (!existing || *existing != content) {
        if (!m_files.write(path, content, &error)) {
            return OsServiceError{QStringLiteral("Could not write the property list."), error};
        }
        // launchd keeps the old definition of a loaded job; it must be booted out and back in.
        if (loaded) {
            if (auto failure = runChecked(launchctl(LaunchdPlist::bootoutArguments(d)),
                                          QStringLiteral("Could not unload the old service definition."))) {
                return *failure;
            }
        }
    }
    if (auto failure =
            runChecked(launchctl(LaunchdPlist::enableArguments(d)), QStringLiteral("Could not enable the service."))) {
        return *failure;
    }
    if (auto failure = runChecked(launchctl(LaunchdPlist::bootstrapArguments(d)),
                                  QStringLiteral("launchd did not load the service."))) {
        return *failure;
    }
    return report;
}

Result<Unit, OsServiceError> LaunchdInstaller::uninstall(const ServiceDefinition& d)
{
    const QString path = plistPathOf(d);
    const std::optional<QByteArray> existing = m_files.read(path);
    if (!existing) {
        return Unit{};
    }
    if (!existing->contains(LaunchdPlist::marker().toUtf8())) {
        return OsServiceError{QStringLiteral("%1 was not written by occ; it is left alone.").arg(path), {}};
    }
    if (m_runner.run(launchctl(LaunchdPlist::printArguments(d))).succeeded()) {
        if (auto failure = runChecked(launchctl(LaunchdPlist::bootoutArguments(d)),
                                      QStringLiteral("Could not stop the service; nothing was removed."))) {
            return *failure;
        }
    }
    QString error;
    if (!m_files.remove(path, &error)) {
        return OsServiceError{QStringLiteral("Could not remove the property list."), error};
    }
    return Unit{};
}

Result<OsServiceStatus, OsServiceError> LaunchdInstaller::status(const ServiceDefinition& d)
{
    if (!m_files.read(plistPathOf(d))) {
        return OsServiceStatus{};
    }
    const CommandResult result = m_runner.run(launchctl(LaunchdPlist::printArguments(d)));
    OsServiceStatus status;
    if (result.succeeded()) {
        status = parsePrint(result.standardOutput);
    } else {
        status.state = QStringLiteral("not loaded");
    }
    status.installed = true;
    return status;
}

OsServiceStatus LaunchdInstaller::parsePrint(const QByteArray& output)
{
    OsServiceStatus status;
    status.installed = true;
    for (const QByteArray& rawLine : output.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        const int eq = line.indexOf(QStringLiteral(" = "));
        if (eq <= 0) {
            continue;
        }
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 3).trimmed();
        // Only the first occurrence counts: nested blocks (endpoints, sockets) repeat some keys.
        if (key == QLatin1String("state") && status.state.isEmpty()) {
            status.state = value;
        } else if (key == QLatin1String("runs") && status.restarts == 0) {
            status.restarts = qMax(0, value.toInt() - 1);
        } else if (key == QLatin1String("last exit code") && status.result.isEmpty()) {
            status.result = value;
        }
    }
    status.running = status.state == QLatin1String("running");
    return status;
}

} // namespace occ
