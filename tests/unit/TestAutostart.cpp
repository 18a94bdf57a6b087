#include "core/autostart/LaunchAgentAutostart.h"
#include "core/autostart/RunKeyAutostart.h"
#include "core/autostart/XdgAutostart.h"
#include "support/TinyDisk.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

class TestAutostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xdgEntryIsWrittenAndRemoved();
    void xdgHiddenEntryCountsAsDisabled();
    void execQuotesPathsWithSpaces();
    void launchAgentPlistListsTheArguments();
    void runKeyQuotesTheProgram();
    void aFolderThatCannotBeMadeIsReportedWithItsPath();
    void anEntryThatCannotBeWrittenIsReportedWithItsPath();
    void aFullDiskKeepsTheEntryThatWasThere();
};

void TestAutostart::xdgEntryIsWrittenAndRemoved()
{
    QTemporaryDir dir;
    XdgAutostart autostart(QStringLiteral("/usr/bin/opencode-cloud"), QStringLiteral("--autostart"), dir.path());
    QVERIFY(!autostart.isEnabled());
    QVERIFY(autostart.setEnabled(true).ok());
    QVERIFY(autostart.isEnabled());
    QFile file(autostart.location());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY(text.contains("\nExec=/usr/bin/opencode-cloud --autostart\n"));
    QVERIFY(text.contains("\nType=Application\n"));
    QVERIFY(autostart.setEnabled(false).ok());
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFile::exists(autostart.location()));
    QVERIFY(autostart.setEnabled(false).ok()); // idempotent
}

void TestAutostart::xdgHiddenEntryCountsAsDisabled()
{
    QTemporaryDir dir;
    XdgAutostart autostart(QStringLiteral("/usr/bin/opencode-cloud"), QString(), dir.path());
    QFile file(autostart.location());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[Desktop Entry]\nType=Application\nExec=x\nHidden=true\n");
    file.close();
    QVERIFY(!autostart.isEnabled());
}

void TestAutostart::execQuotesPathsWithSpaces()
{
    const QByteArray entry = XdgAutostart::desktopEntry(QStringLiteral("/opt/My Apps/opencode-cloud"), QString());
    QVERIFY2(entry.contains("\nExec=\"/opt/My Apps/opencode-cloud\"\n"), entry.constData());
}

void TestAutostart::launchAgentPlistListsTheArguments()
{
    const QString plist = QString::fromUtf8(
        LaunchAgentAutostart::plist(QStringLiteral("/Applications/opencode-cloud.app/Contents/MacOS/opencode-cloud"),
                                    QStringLiteral("--autostart")));
    QVERIFY(plist.contains(QStringLiteral("<key>RunAtLoad</key>\n    <true/>")));
    QVERIFY(plist.contains(QStringLiteral("<string>--autostart</string>")));
    QVERIFY(plist.contains(QStringLiteral("<string>org.opencode-cloud.app</string>")));
}

void TestAutostart::runKeyQuotesTheProgram()
{
    QCOMPARE(RunKeyAutostart::commandLine(QStringLiteral("C:/Program Files/opencode-cloud/opencode-cloud.exe"),
                                          QStringLiteral("--autostart")),
             QStringLiteral("\"C:\\Program Files\\opencode-cloud\\opencode-cloud.exe\" --autostart"));
}

void TestAutostart::aFolderThatCannotBeMadeIsReportedWithItsPath()
{
    // A regular file where the folder should be: mkpath fails even for root.
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("config")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString folder = dir.filePath(QStringLiteral("config/autostart"));
    XdgAutostart autostart(QStringLiteral("/usr/bin/opencode-cloud"), QString(), folder);
    const auto result = autostart.setEnabled(true);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, AutostartError::Kind::CreateFolder);
    QCOMPARE(result.error().path, folder);
    QVERIFY(!autostart.isEnabled());
}

void TestAutostart::anEntryThatCannotBeWrittenIsReportedWithItsPath()
{
    // A folder where the entry should be: the write fails even for root, and the system says why.
    QTemporaryDir dir;
    XdgAutostart autostart(QStringLiteral("/usr/bin/opencode-cloud"), QString(), dir.path());
    QVERIFY(QDir().mkpath(autostart.location()));
    const auto result = autostart.setEnabled(true);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, AutostartError::Kind::Write);
    QCOMPARE(result.error().path, autostart.location());
    QVERIFY(!result.error().cause.isEmpty());
    const auto removed = autostart.setEnabled(false);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind, AutostartError::Kind::Remove);
    QCOMPARE(removed.error().path, autostart.location());
}

QTEST_GUILESS_MAIN(TestAutostart)
void TestAutostart::aFullDiskKeepsTheEntryThatWasThere()
{
    // A buffered QSaveFile met "no space" only in commit() and still replaced the entry with an empty file.
    occ::test::TinyDisk disk(32);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    const QString folder = disk.filePath(QStringLiteral("autostart"));
    XdgAutostart before(QStringLiteral("/usr/bin/opencode-cloud"), QString(), folder);
    QVERIFY(before.setEnabled(true).ok());
    QFile entry(before.location());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray old = entry.readAll();
    entry.close();
    QVERIFY(disk.fill(0));

    XdgAutostart after(QStringLiteral("/opt/opencode-cloud/bin/opencode-cloud"), QStringLiteral("--autostart"), folder);
    const auto result = after.setEnabled(true);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, AutostartError::Kind::Write);
    QVERIFY2(result.error().cause.contains(QStringLiteral("No space left")), qPrintable(result.error().cause));
    QVERIFY(entry.open(QIODevice::ReadOnly));
    QCOMPARE(entry.readAll(), old);
}

#include "TestAutostart.moc"
