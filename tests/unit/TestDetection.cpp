#include "core/config/ConfigStore.h"
#include "core/detection/Detection.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

class TestDetection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixesNameTheCommand_data();
    void fixesNameTheCommand();
    void noProblemsNoFixes();
    void aMissingConfigIsAFreshStart();
    void anExistingConfigIsFoundAndABrokenOneReported();
    void aTakenPortGetsASuggestionAndItsHolder();
    void ourOwnRunningContainerOnThePortIsFine();
    void runDeliversInTheCallersThread();
    void realPortCheckSeesAListeningSocket();
};

void TestDetection::fixesNameTheCommand_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("command");
    QTest::newRow("permission denied: join the docker group")
        << int(DetectionResult::Engine::PermissionDenied) << "sudo usermod -aG docker alice";
    QTest::newRow("not running: start the engine")
        << int(DetectionResult::Engine::NotRunning) << "sudo systemctl enable --now docker";
    QTest::newRow("not installed: install it")
        << int(DetectionResult::Engine::NotInstalled) << "sudo apt-get install docker.io";
    QTest::newRow("anything else: look at docker info") << int(DetectionResult::Engine::Other) << "docker info";
}

void TestDetection::fixesNameTheCommand()
{
    QFETCH(int, engine);
    QFETCH(QString, command);
    DetectionResult r;
    r.engine = DetectionResult::Engine(engine);
    const auto fixes = r.fixes(QStringLiteral("alice"));
    QVERIFY(!fixes.isEmpty());
    QCOMPARE(fixes.first().command, command);
    QVERIFY(!fixes.first().text.isEmpty());
}

void TestDetection::noProblemsNoFixes()
{
    DetectionResult r;
    r.engine = DetectionResult::Engine::Reachable;
    QVERIFY(r.fixes(QStringLiteral("alice")).isEmpty());
}

void TestDetection::aMissingConfigIsAFreshStart()
{
    QTemporaryDir dir;
    Detection d;
    d.setConfigPath(dir.filePath(QStringLiteral("config.json")));
    d.setEngineProbe([](const Config&, DetectionResult& r) { r.engine = DetectionResult::Engine::Reachable; });
    d.setPortCheck([](const QString&, int) { return true; });
    const DetectionResult r = d.detectNow();
    QVERIFY(!r.configExists);
    QVERIFY(r.configProblem.isEmpty());
    QVERIFY(!r.hasExistingService());
    QVERIFY(r.portFree);
}

void TestDetection::anExistingConfigIsFoundAndABrokenOneReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.json"));
    ConfigStore store(path);
    QVERIFY(store.save(Config()));
    Detection d;
    d.setConfigPath(path);
    d.setEngineProbe({});
    d.setPortCheck([](const QString&, int) { return true; });
    DetectionResult r = d.detectNow();
    QVERIFY(r.configExists);
    QVERIFY(r.configProblem.isEmpty());

    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ broken");
    file.close();
    r = d.detectNow();
    QVERIFY(r.configExists);
    QVERIFY(!r.configProblem.isEmpty());
    QVERIFY(r.fixes(QString()).size() == 1);
}

void TestDetection::aTakenPortGetsASuggestionAndItsHolder()
{
    Detection d;
    Config config;
    config.port = 4096;
    d.setConfig(config);
    d.setEngineProbe({});
    d.setPortCheck([](const QString&, int port) { return port > 4098; });
    const DetectionResult r = d.detectNow();
    QVERIFY(!r.portFree);
    QVERIFY(!r.portUsable());
    QCOMPARE(r.suggestedPort, 4099);
    const auto fixes = r.fixes(QString());
    QCOMPARE(fixes.size(), 1);
    QVERIFY(fixes.first().text.contains(QStringLiteral("4099")));
}

void TestDetection::ourOwnRunningContainerOnThePortIsFine()
{
    Detection d;
    d.setEngineProbe([](const Config&, DetectionResult& r) {
        r.engine = DetectionResult::Engine::Reachable;
        r.containerExists = true;
        r.containerRunning = true;
        r.volumes = QStringList{QStringLiteral("opencode-cloud-data")};
    });
    d.setPortCheck([](const QString&, int) { return false; });
    const DetectionResult r = d.detectNow();
    QVERIFY(r.portHeldByService);
    QVERIFY(r.portUsable());
    QVERIFY(r.hasExistingService());
    QVERIFY(r.fixes(QString()).isEmpty());
}

void TestDetection::runDeliversInTheCallersThread()
{
    Detection d;
    QThread* probeThread = nullptr;
    d.setEngineProbe([&probeThread](const Config&, DetectionResult& r) {
        probeThread = QThread::currentThread();
        r.engine = DetectionResult::Engine::Reachable;
    });
    d.setPortCheck([](const QString&, int) { return true; });
    QSignalSpy finished(&d, &Detection::finished);
    d.run();
    QVERIFY(d.isRunning());
    QVERIFY(finished.wait(5000));
    QVERIFY(!d.isRunning());
    QVERIFY(probeThread != QThread::currentThread());
    QCOMPARE(finished.at(0).at(0).value<DetectionResult>().engine, DetectionResult::Engine::Reachable);
    QCOMPARE(d.result().engine, DetectionResult::Engine::Reachable);
}

void TestDetection::realPortCheckSeesAListeningSocket()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    Detection d;
    Config config;
    config.port = server.serverPort();
    d.setConfig(config);
    d.setEngineProbe({});
    const DetectionResult r = d.detectNow();
    QVERIFY(!r.portFree);
    QVERIFY(r.suggestedPort > int(server.serverPort()));
}

QTEST_GUILESS_MAIN(TestDetection)
#include "TestDetection.moc"
