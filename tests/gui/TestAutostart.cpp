#include "wizard/autostart/LaunchAgentAutostart.h"
#include "wizard/autostart/RunKeyAutostart.h"
#include "wizard/autostart/XdgAutostart.h"

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
};

void TestAutostart::xdgEntryIsWrittenAndRemoved()
{
    QTemporaryDir dir;
    XdgAutostart autostart(QStringLiteral("/usr/bin/opencode-cloud"), QStringLiteral("--autostart"), dir.path());
    QVERIFY(!autostart.isEnabled());
    QCOMPARE(autostart.setEnabled(true), QString());
    QVERIFY(autostart.isEnabled());
    QFile file(autostart.location());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY(text.contains("\nExec=/usr/bin/opencode-cloud --autostart\n"));
    QVERIFY(text.contains("\nType=Application\n"));
    QCOMPARE(autostart.setEnabled(false), QString());
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFile::exists(autostart.location()));
    QCOMPARE(autostart.setEnabled(false), QString()); // idempotent
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

QTEST_GUILESS_MAIN(TestAutostart)
#include "TestAutostart.moc"
