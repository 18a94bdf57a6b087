#include "wizard/SetupChoices.h"

#include <QTest>

using occ::Config;
using occ::SetupChoices;

class TestSetupChoices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accessModesMapToBindAndPublicUrl_data();
    void accessModesMapToBindAndPublicUrl();
    void keysTheWizardDoesNotAskAboutAreKept();
    void aHandSetBindThatStillFitsIsKept();
    void storageChoosesTheWorkspace();
    void fromConfigRoundTrips_data();
    void fromConfigRoundTrips();
};

void TestSetupChoices::accessModesMapToBindAndPublicUrl_data()
{
    QTest::addColumn<int>("access");
    QTest::addColumn<bool>("proxyHere");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("publicUrl");
    QTest::newRow("local listens on loopback, no public url") << int(SetupChoices::Access::Local) << true << "127.0.0.1"
                                                              << "";
    QTest::newRow("lan listens everywhere") << int(SetupChoices::Access::Lan) << true << "0.0.0.0"
                                            << "";
    QTest::newRow("proxy on this machine: loopback plus public url")
        << int(SetupChoices::Access::Proxy) << true << "127.0.0.1"
        << "https://code.example.com";
    QTest::newRow("proxy elsewhere: all interfaces plus public url")
        << int(SetupChoices::Access::Proxy) << false << "0.0.0.0"
        << "https://code.example.com";
}

void TestSetupChoices::accessModesMapToBindAndPublicUrl()
{
    QFETCH(int, access);
    QFETCH(bool, proxyHere);
    QFETCH(QString, bind);
    QFETCH(QString, publicUrl);
    SetupChoices c;
    c.access = SetupChoices::Access(access);
    c.proxyOnThisMachine = proxyHere;
    c.publicUrl = QStringLiteral(" https://code.example.com ");
    c.port = 5000;
    const Config config = c.applyTo(Config());
    QCOMPARE(config.bind, bind);
    QCOMPARE(config.publicUrl, publicUrl);
    QCOMPARE(config.port, 5000);
}

void TestSetupChoices::keysTheWizardDoesNotAskAboutAreKept()
{
    Config base;
    base.containerName = QStringLiteral("mine");
    base.volumePrefix = QStringLiteral("keep-me");
    base.imageName = QStringLiteral("custom");
    base.dockerHost = QStringLiteral("ssh://box");
    base.healthTimeoutSeconds = 999;
    SetupChoices c;
    c.access = SetupChoices::Access::Lan;
    c.restartPolicy = QStringLiteral("on-failure");
    c.restartMaxRetries = 9;
    const Config out = c.applyTo(base);
    QCOMPARE(out.containerName, base.containerName);
    QCOMPARE(out.volumePrefix, base.volumePrefix);
    QCOMPARE(out.imageName, base.imageName);
    QCOMPARE(out.dockerHost, base.dockerHost);
    QCOMPARE(out.healthTimeoutSeconds, 999);
    QCOMPARE(out.restartPolicy, QStringLiteral("on-failure"));
    QCOMPARE(out.restartMaxRetries, 9);
}

void TestSetupChoices::aHandSetBindThatStillFitsIsKept()
{
    Config base;
    base.bind = QStringLiteral("192.168.1.20");
    SetupChoices lan;
    lan.access = SetupChoices::Access::Lan;
    QCOMPARE(lan.applyTo(base).bind, QStringLiteral("192.168.1.20"));
    SetupChoices local;
    QCOMPARE(local.applyTo(base).bind, QStringLiteral("127.0.0.1"));
}

void TestSetupChoices::storageChoosesTheWorkspace()
{
    SetupChoices c;
    c.storage = SetupChoices::Storage::Folder;
    c.workspacePath = QStringLiteral("/home/me/code");
    QCOMPARE(c.applyTo(Config()).workspacePath, QStringLiteral("/home/me/code"));
    c.storage = SetupChoices::Storage::NamedVolumes;
    Config withFolder;
    withFolder.workspacePath = QStringLiteral("/old");
    QCOMPARE(c.applyTo(withFolder).workspacePath, QString());
}

void TestSetupChoices::fromConfigRoundTrips_data()
{
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<int>("access");
    QTest::newRow("loopback is local") << "127.0.0.1"
                                       << "" << int(SetupChoices::Access::Local);
    QTest::newRow("wildcard is lan") << "0.0.0.0"
                                     << "" << int(SetupChoices::Access::Lan);
    QTest::newRow("a public url is a proxy") << "127.0.0.1"
                                             << "https://x.example" << int(SetupChoices::Access::Proxy);
}

void TestSetupChoices::fromConfigRoundTrips()
{
    QFETCH(QString, bind);
    QFETCH(QString, publicUrl);
    QFETCH(int, access);
    Config config;
    config.bind = bind;
    config.publicUrl = publicUrl;
    config.port = 4100;
    config.workspacePath = QStringLiteral("/srv/code");
    config.restartPolicy = QStringLiteral("always");
    const SetupChoices c = SetupChoices::fromConfig(config, true, true);
    QCOMPARE(int(c.access), access);
    QVERIFY(c.keepPassword);
    QCOMPARE(c.storage, SetupChoices::Storage::Folder);
    const Config again = c.applyTo(config);
    QCOMPARE(again.bind, config.bind);
    QCOMPARE(again.publicUrl, config.publicUrl);
    QCOMPARE(again.port, 4100);
    QCOMPARE(again.workspacePath, config.workspacePath);
    QCOMPARE(again.restartPolicy, config.restartPolicy);
}

QTEST_GUILESS_MAIN(TestSetupChoices)
#include "TestSetupChoices.moc"
