#include "core/osservice/LaunchdPlist.h"
#include "core/osservice/LocalFileWriter.h"
#include "core/osservice/ServiceInstaller.h"
#include "core/osservice/SystemdInstaller.h"
#include "core/osservice/SystemdUnit.h"
#include "core/osservice/WindowsService.h"
#include "core/osservice/WindowsServiceInstaller.h"
#include "support/RecordingCommandRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

ServiceDefinition linuxUser()
{
    ServiceDefinition d;
    d.scope = ServiceDefinition::Scope::User;
    d.executable = QStringLiteral("/usr/bin/occ");
    d.configPath = QStringLiteral("/home/alice/.config/opencode-cloud/config.json");
    d.userName = QStringLiteral("alice");
    d.userId = 1000;
    d.homeDir = QStringLiteral("/home/alice");
    return d;
}

ServiceDefinition mac()
{
    ServiceDefinition d = linuxUser();
    d.executable = QStringLiteral("/usr/local/bin/occ");
    d.configPath = QStringLiteral("/Users/alice/.config/opencode-cloud/config.json");
    d.homeDir = QStringLiteral("/Users/alice");
    d.userId = 501;
    return d;
}

ServiceDefinition windows()
{
    ServiceDefinition d;
    d.scope = ServiceDefinition::Scope::System;
    d.executable = QStringLiteral(R"(C:\Program Files\opencode-cloud\occ.exe)");
    d.configPath = QStringLiteral(R"(C:\Users\A B\AppData\Roaming\opencode-cloud\config.json)");
    d.restart = RestartSettings{QStringLiteral("on-failure"), 3, 5, 86400};
    return d;
}

QStringList displayed(const QList<ServiceCommand>& commands)
{
    QStringList out;
    for (const ServiceCommand& c : commands) {
        out << (QStringList{c.program} + c.arguments).join(QLatin1Char(' '));
    }
    return out;
}

// Every file below the root, relative to it: uninstall must leave exactly what was there before.
QStringList filesBelow(const QString& root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        out << it.next().mid(root.size());
    }
    out.sort();
    return out;
}

CommandResult failing(int code = 1)
{
    CommandResult r;
    r.exitCode = code;
    return r;
}

CommandResult output(const QByteArray& text)
{
    CommandResult r;
    r.standardOutput = text;
    return r;
}

} // namespace

class TestOsServiceInstaller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void dryRunListsFilesAndCommands();
    void systemdUserInstallRunsTheExpectedCommands();
    void systemdSecondInstallChangesNothing();
    void systemdInstallRestartsAStoppedService();
    void systemdChangedUnitIsReloadedAndRestarted();
    void systemdSystemUnitHasNoUserFlagAndNoLingerCheck();
    void systemdUninstallRemovesOnlyWhatInstallCreated();
    void systemdUninstallKeepsTheUnitWhenStopFails();
    void refusesToTouchAForeignUnit();
    void lingerIsOfferedWhenOff_data();
    void lingerIsOfferedWhenOff();
    void parsesSystemctlShow_data();
    void parsesSystemctlShow();
    void launchdInstallBootstrapsAndIsIdempotent();
    void launchdUninstallBootsOutAndRemovesThePlist();
    void windowsInstallCreatesConfiguresAndStarts();
    void windowsSecondInstallChangesNothing();
    void windowsUninstallLeavesAForeignServiceAlone();
    void nativeBackendMatchesThePlatform();

private:
    QTemporaryDir* m_root = nullptr;
    LocalFileWriter* m_files = nullptr;
    RecordingCommandRunner* m_runner = nullptr;
};

void TestOsServiceInstaller::init()
{
    m_root = new QTemporaryDir;
    QVERIFY(m_root->isValid());
    m_files = new LocalFileWriter(m_root->path());
    m_runner = new RecordingCommandRunner;
}

void TestOsServiceInstaller::cleanup()
{
    delete m_runner;
    delete m_files;
    delete m_root;
}

void TestOsServiceInstaller::dryRunListsFilesAndCommands()
{
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    const ServicePlan plan = installer->renderDryRun(linuxUser());
    QCOMPARE(plan.files.size(), 1);
    QCOMPARE(plan.files.first().path, QStringLiteral("/home/alice/.config/systemd/user/opencode-cloud.service"));
    QCOMPARE(plan.files.first().content, SystemdUnit::render(linuxUser()).toUtf8());
    QCOMPARE(displayed(plan.commands),
             (QStringList{"systemctl --user daemon-reload", "systemctl --user enable --now opencode-cloud.service",
                          "loginctl show-user alice --property=Linger"}));
    // A dry run runs nothing and writes nothing.
    QVERIFY(m_runner->commands().isEmpty());
    QVERIFY(filesBelow(m_root->path()).isEmpty());
}

void TestOsServiceInstaller::systemdUserInstallRunsTheExpectedCommands()
{
    m_runner->respond({"loginctl", "show-user"}, output("Linger=yes\n"));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    const auto report = installer->install(linuxUser());
    QVERIFY2(report.ok(), qPrintable(report.error().message + report.error().detail));
    QVERIFY(report->changed);
    QVERIFY(!report->lingerDisabled);
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{"systemctl --user daemon-reload", "systemctl --user enable --now opencode-cloud.service",
                          "loginctl show-user alice --property=Linger"}));
    QCOMPARE(m_files->read(SystemdUnit::unitPath(ServiceDefinition::Scope::User, QStringLiteral("/home/alice"))),
             std::optional<QByteArray>(SystemdUnit::render(linuxUser()).toUtf8()));
}

void TestOsServiceInstaller::systemdSecondInstallChangesNothing()
{
    m_runner->respond({"loginctl", "show-user"}, output("Linger=yes\n"));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    QVERIFY(installer->install(linuxUser()).ok());
    const QString unit = m_files->hostPath(SystemdUnit::unitPath(ServiceDefinition::Scope::User, "/home/alice"));
    const QDateTime written = QFileInfo(unit).lastModified();
    m_runner->clearCommands();

    const auto report = installer->install(linuxUser());
    QVERIFY(report.ok());
    QVERIFY(!report->changed);
    // Only read-only queries: no reload, no enable, no restart, no rewrite.
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{"systemctl --user is-enabled opencode-cloud.service",
                          "systemctl --user is-active opencode-cloud.service",
                          "loginctl show-user alice --property=Linger"}));
    QCOMPARE(QFileInfo(unit).lastModified(), written);
}

void TestOsServiceInstaller::systemdInstallRestartsAStoppedService()
{
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    QVERIFY(installer->install(linuxUser()).ok());
    m_runner->clearCommands();
    m_runner->respond({"systemctl", "--user", "is-active"}, failing(3));
    const auto report = installer->install(linuxUser());
    QVERIFY(report.ok());
    QVERIFY(report->changed);
    QVERIFY(displayed(m_runner->commands()).contains("systemctl --user enable --now opencode-cloud.service"));
    QVERIFY(!displayed(m_runner->commands()).contains("systemctl --user daemon-reload"));
}

void TestOsServiceInstaller::systemdChangedUnitIsReloadedAndRestarted()
{
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    QVERIFY(installer->install(linuxUser()).ok());
    m_runner->clearCommands();
    ServiceDefinition changed = linuxUser();
    changed.restart.delaySeconds = 42;
    QVERIFY(installer->install(changed).ok());
    QCOMPARE(displayed(m_runner->commands()).mid(0, 3),
             (QStringList{"systemctl --user daemon-reload", "systemctl --user enable opencode-cloud.service",
                          "systemctl --user restart opencode-cloud.service"}));
    QVERIFY(m_files->read(SystemdUnit::unitPath(changed.scope, changed.homeDir))->contains("RestartSec=42\n"));
}

void TestOsServiceInstaller::systemdSystemUnitHasNoUserFlagAndNoLingerCheck()
{
    ServiceDefinition d = linuxUser();
    d.scope = ServiceDefinition::Scope::System;
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    const auto report = installer->install(d);
    QVERIFY(report.ok());
    QVERIFY(!report->lingerDisabled);
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{"systemctl daemon-reload", "systemctl enable --now opencode-cloud.service"}));
    QCOMPARE(filesBelow(m_root->path()), QStringList{"/etc/systemd/system/opencode-cloud.service"});
}

void TestOsServiceInstaller::systemdUninstallRemovesOnlyWhatInstallCreated()
{
    // Something of the user's next to our unit must survive.
    QVERIFY(m_files->write("/home/alice/.config/systemd/user/other.service", "[Unit]\n", nullptr));
    const QStringList before = filesBelow(m_root->path());
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    QVERIFY(installer->install(linuxUser()).ok());
    QCOMPARE(filesBelow(m_root->path()).size(), before.size() + 1);
    m_runner->clearCommands();

    QVERIFY(installer->uninstall(linuxUser()).ok());
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{"systemctl --user disable --now opencode-cloud.service", "systemctl --user daemon-reload",
                          "systemctl --user reset-failed opencode-cloud.service"}));
    QCOMPARE(filesBelow(m_root->path()), before);

    // A second uninstall has nothing to do.
    m_runner->clearCommands();
    QVERIFY(installer->uninstall(linuxUser()).ok());
    QVERIFY(m_runner->commands().isEmpty());
}

void TestOsServiceInstaller::systemdUninstallKeepsTheUnitWhenStopFails()
{
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    QVERIFY(installer->install(linuxUser()).ok());
    m_runner->respond({"systemctl", "--user", "disable"}, failing());
    const auto result = installer->uninstall(linuxUser());
    QVERIFY(!result.ok());
    QVERIFY(m_files->read(SystemdUnit::unitPath(ServiceDefinition::Scope::User, "/home/alice")).has_value());
}

void TestOsServiceInstaller::refusesToTouchAForeignUnit()
{
    const QString path = SystemdUnit::unitPath(ServiceDefinition::Scope::User, "/home/alice");
    QVERIFY(m_files->write(path, "[Service]\nExecStart=/bin/mine\n", nullptr));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    QVERIFY(!installer->install(linuxUser()).ok());
    QVERIFY(!installer->uninstall(linuxUser()).ok());
    QCOMPARE(m_files->read(path), std::optional<QByteArray>("[Service]\nExecStart=/bin/mine\n"));
    QVERIFY(m_runner->commands().isEmpty());
}

void TestOsServiceInstaller::lingerIsOfferedWhenOff_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stdOut");
    QTest::addColumn<bool>("offered");
    QTest::newRow("Linger=yes needs nothing") << 0 << QByteArray("Linger=yes\n") << false;
    QTest::newRow("Linger=no is offered") << 0 << QByteArray("Linger=no\n") << true;
    QTest::newRow("a loginctl failure is offered too") << 1 << QByteArray() << true;
}

void TestOsServiceInstaller::lingerIsOfferedWhenOff()
{
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stdOut);
    CommandResult r = output(stdOut);
    r.exitCode = exitCode;
    m_runner->respond({"loginctl", "show-user"}, r);
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Systemd, *m_runner, *m_files);
    const auto report = installer->install(linuxUser());
    QVERIFY(report.ok());
    QTEST(report->lingerDisabled, "offered");
    QFETCH(bool, offered);
    QCOMPARE(report->notes.join(' ').contains("loginctl enable-linger alice"), offered);

    m_runner->clearCommands();
    QVERIFY(installer->enableLinger(linuxUser()).ok());
    QCOMPARE(displayed(m_runner->commands()), QStringList{"loginctl enable-linger alice"});
}

void TestOsServiceInstaller::parsesSystemctlShow_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("installed");
    QTest::addColumn<bool>("running");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("subState");
    QTest::addColumn<int>("restarts");
    QTest::addColumn<QString>("result");
    QTest::newRow("a running service") << QByteArray(
        "LoadState=loaded\nActiveState=active\nSubState=running\nNRestarts=0\nResult=success\n")
                                       << true << true << "active"
                                       << "running" << 0 << "success";
    QTest::newRow("a service in its restart delay counts restarts")
        << QByteArray("Result=exit-code\nNRestarts=3\nSubState=auto-restart\nActiveState=activating\nLoadState=loaded")
        << true << false << "activating"
        << "auto-restart" << 3 << "exit-code";
    QTest::newRow("a service that hit the start limit")
        << QByteArray("LoadState=loaded\nActiveState=failed\nSubState=failed\nNRestarts=5\nResult=start-limit-hit\n")
        << true << false << "failed"
        << "failed" << 5 << "start-limit-hit";
    QTest::newRow("a unit systemd does not know is not installed")
        << QByteArray("LoadState=not-found\nActiveState=inactive\nSubState=dead\nNRestarts=0\nResult=success\n")
        << false << false << "inactive"
        << "dead" << 0 << "success";
}

void TestOsServiceInstaller::parsesSystemctlShow()
{
    QFETCH(QByteArray, text);
    const OsServiceStatus s = SystemdInstaller::parseShow(text);
    QTEST(s.installed, "installed");
    QTEST(s.running, "running");
    QTEST(s.state, "state");
    QTEST(s.subState, "subState");
    QTEST(s.restarts, "restarts");
    QTEST(s.result, "result");
}

void TestOsServiceInstaller::launchdInstallBootstrapsAndIsIdempotent()
{
    // Not loaded before the first install.
    m_runner->respond({"launchctl", "print"}, failing(113));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Launchd, *m_runner, *m_files);
    auto report = installer->install(mac());
    QVERIFY2(report.ok(), qPrintable(report.error().message + report.error().detail));
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{
                 "launchctl print gui/501/org.opencode-cloud.occ", "launchctl enable gui/501/org.opencode-cloud.occ",
                 "launchctl bootstrap gui/501 /Users/alice/Library/LaunchAgents/org.opencode-cloud.occ.plist"}));
    QVERIFY(QFileInfo(m_files->hostPath("/Users/alice/Library/Logs/opencode-cloud")).isDir());

    m_runner->clearCommands();
    m_runner->respond({"launchctl", "print"}, output("state = running\n"));
    report = installer->install(mac());
    QVERIFY(report.ok());
    QVERIFY(!report->changed);
    QCOMPARE(displayed(m_runner->commands()), QStringList{"launchctl print gui/501/org.opencode-cloud.occ"});

    // A changed plist replaces the loaded job.
    m_runner->clearCommands();
    ServiceDefinition changed = mac();
    changed.restart.delaySeconds = 9;
    QVERIFY(installer->install(changed).ok());
    QCOMPARE(displayed(m_runner->commands()).mid(1, 2),
             (QStringList{"launchctl bootout gui/501/org.opencode-cloud.occ",
                          "launchctl enable gui/501/org.opencode-cloud.occ"}));
}

void TestOsServiceInstaller::launchdUninstallBootsOutAndRemovesThePlist()
{
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::Launchd, *m_runner, *m_files);
    QVERIFY(installer->install(mac()).ok());
    m_runner->clearCommands();
    QVERIFY(installer->uninstall(mac()).ok());
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{"launchctl print gui/501/org.opencode-cloud.occ",
                          "launchctl bootout gui/501/org.opencode-cloud.occ"}));
    QVERIFY(!m_files->read(LaunchdPlist::plistPath(ServiceDefinition::Scope::User, "/Users/alice")).has_value());
    // The log folder holds the user's logs and stays.
    QVERIFY(QFileInfo(m_files->hostPath("/Users/alice/Library/Logs/opencode-cloud")).isDir());
}

void TestOsServiceInstaller::windowsInstallCreatesConfiguresAndStarts()
{
    m_runner->respond({"sc.exe", "qc"}, failing(1060));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::WindowsService, *m_runner, *m_files);
    QVERIFY(installer->install(windows()).ok());
    QList<ServiceCommand> expected{{"sc.exe", {"qc", "opencode-cloud"}}};
    for (const ServiceCommand& c : installer->renderDryRun(windows()).commands) {
        expected << c;
    }
    QCOMPARE(m_runner->commands(), expected);
    QCOMPARE(m_runner->commands().at(1).arguments.at(3),
             QStringLiteral(R"("C:\Program Files\opencode-cloud\occ.exe" run --service --config )"
                            R"("C:\Users\A B\AppData\Roaming\opencode-cloud\config.json")"));
    QCOMPARE(displayed(m_runner->commands()).at(3),
             QStringLiteral("sc.exe failure opencode-cloud reset= 86400 actions= "
                            "restart/5000/restart/10000/restart/20000"));
}

void TestOsServiceInstaller::windowsSecondInstallChangesNothing()
{
    const ServiceDefinition d = windows();
    m_runner->respond({"sc.exe", "qc"},
                      output("[SC] QueryServiceConfig SUCCESS\r\n\r\nSERVICE_NAME: opencode-cloud\r\n"
                             "        BINARY_PATH_NAME   : "
                             + WindowsService::binaryPathName(d).toLocal8Bit() + "\r\n"));
    m_runner->respond({"sc.exe", "qfailure"},
                      output("        RESET_PERIOD (in seconds)    : 86400\r\n"
                             "        FAILURE_ACTIONS              : RESTART -- Delay = 5000 milliseconds.\r\n"
                             "                                       RESTART -- Delay = 10000 milliseconds.\r\n"
                             "                                       RESTART -- Delay = 20000 milliseconds.\r\n"));
    m_runner->respond({"sc.exe", "query"}, output("        STATE              : 4  RUNNING\r\n"));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::WindowsService, *m_runner, *m_files);
    auto report = installer->install(d);
    QVERIFY(report.ok());
    QVERIFY(!report->changed);
    QCOMPARE(
        displayed(m_runner->commands()),
        (QStringList{"sc.exe qc opencode-cloud", "sc.exe qfailure opencode-cloud", "sc.exe query opencode-cloud"}));

    // Another retry count only rewrites the failure actions.
    m_runner->clearCommands();
    ServiceDefinition changed = d;
    changed.restart.maxRetries = 2;
    report = installer->install(changed);
    QVERIFY(report.ok());
    QCOMPARE(displayed(m_runner->commands()).mid(3),
             (QStringList{"sc.exe failure opencode-cloud reset= 86400 actions= restart/5000/restart/10000",
                          "sc.exe failureflag opencode-cloud 1"}));
}

void TestOsServiceInstaller::windowsUninstallLeavesAForeignServiceAlone()
{
    m_runner->respond({"sc.exe", "qc"}, output("        BINARY_PATH_NAME   : C:\\other\\thing.exe -k\r\n"));
    auto installer = ServiceInstaller::create(ServiceInstaller::Backend::WindowsService, *m_runner, *m_files);
    QVERIFY(!installer->uninstall(windows()).ok());
    QVERIFY(!installer->install(windows()).ok());
    QCOMPARE(displayed(m_runner->commands()), (QStringList{"sc.exe qc opencode-cloud", "sc.exe qc opencode-cloud"}));

    m_runner->respond(
        {"sc.exe", "qc"},
        output("        BINARY_PATH_NAME   : " + WindowsService::binaryPathName(windows()).toLocal8Bit()));
    m_runner->clearCommands();
    QVERIFY(installer->uninstall(windows()).ok());
    QCOMPARE(displayed(m_runner->commands()),
             (QStringList{"sc.exe qc opencode-cloud", "sc.exe stop opencode-cloud", "sc.exe delete opencode-cloud"}));
}

void TestOsServiceInstaller::nativeBackendMatchesThePlatform()
{
#if defined(Q_OS_WIN)
    QCOMPARE(ServiceInstaller::nativeBackend(), ServiceInstaller::Backend::WindowsService);
#elif defined(Q_OS_MACOS)
    QCOMPARE(ServiceInstaller::nativeBackend(), ServiceInstaller::Backend::Launchd);
#else
    QCOMPARE(ServiceInstaller::nativeBackend(), ServiceInstaller::Backend::Systemd);
#endif
    for (auto b : {ServiceInstaller::Backend::Systemd, ServiceInstaller::Backend::Launchd,
                   ServiceInstaller::Backend::WindowsService}) {
        QCOMPARE(ServiceInstaller::create(b, *m_runner, *m_files)->backend(), b);
    }
}

QTEST_GUILESS_MAIN(TestOsServiceInstaller)
#include "TestOsServiceInstaller.moc"
