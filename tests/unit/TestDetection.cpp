#include "core/config/ConfigStore.h"
#include "core/detection/ConfigWarning.h"
#include "core/detection/Detection.h"
#include "core/detection/Diagnosis.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
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
    void aForeignContainerOnThePortIsAConflict();
    void tlsWithoutTheFrontDoorIsAWarning_data();
    void tlsWithoutTheFrontDoorIsAWarning();
    void diagnosisWithoutAnEngineStopsAtTheEngine();
    void diagnosisGivesUpOnASilentEngineQuickly();
    void diagnosisOfABrokenConfigEndsThere();

private:
    QVector<DiagnosisCheck> diagnose(const Config& config, const QString& dockerHost);
};

void TestDetection::fixesNameTheCommand_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("command");
    const QString local = QStringLiteral("unix:///var/run/docker.sock");
    QTest::newRow("permission denied: join the docker group")
        << int(DetectionResult::Engine::PermissionDenied) << local << "sudo usermod -aG docker alice";
    QTest::newRow("not running: start the engine")
        << int(DetectionResult::Engine::NotRunning) << local << "sudo systemctl enable --now docker";
    QTest::newRow("not installed: install it")
        << int(DetectionResult::Engine::NotInstalled) << local << "sudo apt-get install docker.io";
    QTest::newRow("anything else: look at docker info")
        << int(DetectionResult::Engine::Other) << local << "docker info";
    QTest::newRow("an ssh engine not answering: docker version over ssh, not systemctl here")
        << int(DetectionResult::Engine::NotRunning) << QStringLiteral("ssh://bob@build.example")
        << "ssh bob@build.example docker version";
    QTest::newRow("an ssh engine on another port: ssh -p")
        << int(DetectionResult::Engine::Other) << QStringLiteral("ssh://bob@build.example:2222")
        << "ssh -p 2222 bob@build.example docker version";
    QTest::newRow("a tcp engine not answering: docker -H that host, not systemctl here")
        << int(DetectionResult::Engine::NotRunning) << QStringLiteral("tcp://10.0.0.5:2376")
        << "docker -H tcp://10.0.0.5:2376 version";
}

void TestDetection::fixesNameTheCommand()
{
    QFETCH(int, engine);
    QFETCH(QString, endpoint);
    QFETCH(QString, command);
    DetectionResult r;
    r.engine = DetectionResult::Engine(engine);
    r.endpoint = endpoint;
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

void TestDetection::aForeignContainerOnThePortIsAConflict()
{
    Detection d;
    d.setEngineProbe([](const Config&, DetectionResult& r) {
        r.engine = DetectionResult::Engine::Reachable;
        r.containerExists = true;
        r.containerRunning = true;
        r.containerForeign = true; // same name, not ours: it is not our port to keep
    });
    d.setPortCheck([](const QString&, int port) { return port != Config().port; });
    const DetectionResult r = d.detectNow();
    QVERIFY(!r.portHeldByService);
    QVERIFY(!r.portUsable());
    QCOMPARE(r.suggestedPort, Config().port + 1);
}

void TestDetection::tlsWithoutTheFrontDoorIsAWarning_data()
{
    QTest::addColumn<QString>("tlsMode");
    QTest::addColumn<bool>("frontDoor");
    QTest::addColumn<bool>("warned");
    for (const char* mode : {"internal", "files", "acme"}) {
        QTest::addRow("tls.mode %s without the front door is a warning", mode)
            << QString::fromLatin1(mode) << false << true;
        QTest::addRow("tls.mode %s with the front door is fine", mode) << QString::fromLatin1(mode) << true << false;
    }
    QTest::newRow("tls off without the front door is fine") << QStringLiteral("off") << false << false;
}

void TestDetection::tlsWithoutTheFrontDoorIsAWarning()
{
    QFETCH(QString, tlsMode);
    QFETCH(bool, frontDoor);
    QFETCH(bool, warned);
    Config config;
    config.tlsMode = tlsMode;
    config.frontDoorEnabled = frontDoor;
    const QVector<ConfigWarning> warnings = ConfigWarning::check(config);
    QCOMPARE(warnings.size(), warned ? 1 : 0);
    if (warned) {
        const ConfigWarning& w = warnings.first();
        QCOMPARE(w.kind, ConfigWarning::Kind::TlsWithoutFrontDoor);
        QCOMPARE(w.key, QStringLiteral("tls.mode"));
        QCOMPARE(w.value, tlsMode);
        QCOMPARE(w.fixKey, QStringLiteral("frontdoor.enabled"));
        QCOMPARE(w.fixValue, QStringLiteral("true"));
        QCOMPARE(w.hints(), Hints{Hint::of(Hint::Action::EnableFrontDoor)});
    }
}

QVector<DiagnosisCheck> TestDetection::diagnose(const Config& config, const QString& dockerHost)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.json"));
    Config withHost = config;
    withHost.dockerHost = dockerHost;
    if (!ConfigStore(path).save(withHost)) {
        return {};
    }
    return Diagnosis(path).run();
}

void TestDetection::diagnosisWithoutAnEngineStopsAtTheEngine()
{
    QTemporaryDir dir;
    Config config;
    config.tlsMode = QStringLiteral("internal");
    const auto checks = diagnose(config, QStringLiteral("unix://") + dir.filePath(QStringLiteral("no-such.sock")));
    QStringList ids;
    for (const DiagnosisCheck& c : checks) {
        ids << DiagnosisCheck::idName(c.id);
    }
    // No engine: nothing after the engine can be checked, and nothing is made up for it.
    QCOMPARE(ids,
             (QStringList{QStringLiteral("config"), QStringLiteral("settings"), QStringLiteral("password"),
                          QStringLiteral("engine")}));
    QCOMPARE(checks.at(0).status, DiagnosisCheck::Status::Ok);
    QCOMPARE(checks.at(1).cause, DiagnosisCheck::Cause::TlsWithoutFrontDoor);
    QCOMPARE(checks.at(1).status, DiagnosisCheck::Status::Warn);
    QCOMPARE(checks.at(2).cause, DiagnosisCheck::Cause::PasswordNone);
    const DiagnosisCheck& engine = checks.at(3);
    QCOMPARE(engine.status, DiagnosisCheck::Status::Fail);
    QCOMPARE(engine.cause, DiagnosisCheck::Cause::EngineUnavailable);
    QCOMPARE(engine.docker.category(), DockerError::Category::NoEngine);
    QCOMPARE(engine.docker.endpointKind(), DockerEndpoint::Kind::Unix);
}

void TestDetection::diagnosisGivesUpOnASilentEngineQuickly()
{
    // A socket that accepts and never answers: a hung engine. The diagnosis says so within the probe
    // timeout (3 s), not the 30 s a long operation may wait.
    QTemporaryDir dir;
    QLocalServer silent;
    QVERIFY(silent.listen(dir.filePath(QStringLiteral("silent.sock"))));
    QElapsedTimer timer;
    timer.start();
    const auto checks = diagnose(Config(), QStringLiteral("unix://") + silent.fullServerName());
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!checks.isEmpty());
    const DiagnosisCheck& engine = checks.last();
    QCOMPARE(engine.id, DiagnosisCheck::Id::Engine);
    QCOMPARE(engine.cause, DiagnosisCheck::Cause::EngineUnavailable);
    QCOMPARE(engine.docker.category(), DockerError::Category::Timeout);
    QVERIFY2(elapsed < 6000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

void TestDetection::diagnosisOfABrokenConfigEndsThere()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "network": {"port": "http"}})");
    f.close();
    const auto checks = Diagnosis(path).run();
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks.first().cause, DiagnosisCheck::Cause::ConfigInvalid);
    QVERIFY2(checks.first().args.value(1).contains(QStringLiteral("network.port")),
             qPrintable(checks.first().args.join(QLatin1Char('|'))));
}

QTEST_GUILESS_MAIN(TestDetection)
#include "TestDetection.moc"
