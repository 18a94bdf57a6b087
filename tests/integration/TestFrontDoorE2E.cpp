// The front door with the real parts: Caddy (Debian's binary) in its own container FROM the test base
// image, the real opencode image (occ-e2e-opencode:<pinned>, built by TestServiceE2E or reused), the
// real engine, driven through ServiceController; checked from outside with curl.

#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/service/EngineConnection.h"
#include "core/service/ServiceController.h"
#include "core/service/ServiceSpec.h"
#include "core/util/Version.h"
#include "support/ServiceFixture.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

struct Curl
{
    int exitCode = -1;
    QString out; // body, then "\n%{http_code}"
    int status() const { return out.section(QLatin1Char('\n'), -1).toInt(); }
};

Curl curl(const QStringList& args, int timeoutMs = 30000)
{
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{"-sS", "-o", "-", "-w", "\n%{http_code}"} + args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

} // namespace

class TestFrontDoorE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    Config m_config;
    QString m_password = QStringLiteral("front-door-pw-") + QString::number(QRandomGenerator::global()->generate());
    std::unique_ptr<EngineConnection> m_engine;
    QString m_ca;

    QString https(const QString& path) const
    {
        return QStringLiteral("https://localhost:%1%2").arg(m_config.frontDoorHttpsPort).arg(path);
    }
    QString auth() const { return m_config.username + QLatin1Char(':') + m_password; }

private Q_SLOTS:
    void initTestCase();
    void filesModeWithAMismatchedKeyIsRefusedBeforeAnythingStarts();
    void startsBehindTheFrontDoorWithTheLocalCa();
    void tlsIsTrustedOnlyWithTheGeneratedCa();
    void healthzNeedsNoCredentialsButEverythingElseDoes();
    void plainHttpRedirectsToHttps();
    void crossOriginWritesAreRefused();
    void serverSentEventsArriveThroughTheProxy();
    void healthzFailsWhenOpencodeIsStopped();
    void cleanupTestCase();
};

void TestFrontDoorE2E::initTestCase()
{
    const QString unusable = test::prepareFrontDoorTest(m_home);
    QVERIFY2(unusable.isEmpty(), qPrintable(unusable));
    m_config = test::frontDoorTestConfig(QStringLiteral("occ-fd-"));
    m_engine = std::make_unique<EngineConnection>(Config{});
    QVERIFY(m_engine->isValid());
    const QString missing = test::opencodeImageMissing(m_engine->client(), m_config);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
}

void TestFrontDoorE2E::filesModeWithAMismatchedKeyIsRefusedBeforeAnythingStarts()
{
    const QString a = m_home.filePath("a"), b = m_home.filePath("b");
    for (const QString& n : {a, b}) {
        QCOMPARE(QProcess::execute("openssl",
                                   {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout",
                                    n + ".key", "-out", n + ".crt"}),
                 0);
    }
    Config c = m_config;
    c.tlsMode = QStringLiteral("files");
    c.publicUrl = QStringLiteral("https://localhost:%1").arg(c.frontDoorHttpsPort);
    c.tlsCertFile = a + ".crt";
    c.tlsKeyFile = b + ".key";
    ServiceController controller(c, m_password, m_engine->client());
    auto started = controller.start();
    QVERIFY(!started);
    QVERIFY2(started.error().message.contains("does not belong to the certificate"),
             qPrintable(started.error().message));
    QVERIFY(!m_engine->client()->inspectContainer(c.containerName));
    QVERIFY(!m_engine->client()->inspectContainer(FrontDoor::containerName(c)));
}

void TestFrontDoorE2E::startsBehindTheFrontDoorWithTheLocalCa()
{
    ServiceController controller(m_config, m_password, m_engine->client());
    auto started = controller.start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_ca = started->caCert;
    QVERIFY(QFileInfo::exists(m_ca));
    // opencode itself publishes nothing: only the front door is reachable.
    auto info = m_engine->client()->inspectContainer(m_config.containerName);
    QVERIFY(info);
    QVERIFY(m_engine->client()->inspectContainer(FrontDoor::containerName(m_config))->running);
    const auto body = ServiceSpec::containerSpec(m_config).toCreateBody();
    QVERIFY(!body["HostConfig"].contains("PortBindings") || body["HostConfig"]["PortBindings"].empty());
}

void TestFrontDoorE2E::tlsIsTrustedOnlyWithTheGeneratedCa()
{
    const Curl with = curl({"--cacert", m_ca, https("/healthz")});
    QVERIFY2(with.exitCode == 0 && with.status() == 200, qPrintable(with.out));
    const Curl without = curl({https("/healthz")});
    QCOMPARE(without.exitCode, 60); // CURLE_PEER_FAILED_VERIFICATION
    // By IP (no SNI) the same certificate is served and trusted.
    const Curl byIp =
        curl({"--cacert", m_ca, QStringLiteral("https://127.0.0.1:%1/healthz").arg(m_config.frontDoorHttpsPort)});
    QVERIFY2(byIp.exitCode == 0 && byIp.status() == 200, qPrintable(byIp.out));
}

void TestFrontDoorE2E::healthzNeedsNoCredentialsButEverythingElseDoes()
{
    const Curl health = curl({"--cacert", m_ca, "-D", "-", https("/healthz")});
    QCOMPARE(health.status(), 200);
    QVERIFY2(health.out.contains("\"healthy\":true"), qPrintable(health.out));
    // The injected credentials never come back.
    QVERIFY(!health.out.contains(m_password));
    QVERIFY(!health.out.contains(QString::fromLatin1(auth().toUtf8().toBase64())));
    QVERIFY(health.out.contains("strict-transport-security", Qt::CaseInsensitive));
    QVERIFY(health.out.contains("x-content-type-options: nosniff", Qt::CaseInsensitive));
    QCOMPARE(curl({"--cacert", m_ca, https("/")}).status(), 401);
    QCOMPARE(curl({"--cacert", m_ca, https("/global/health")}).status(), 401);
    QCOMPARE(curl({"--cacert", m_ca, "-u", m_config.username + ":wrong", https("/session")}).status(), 401);
    QCOMPARE(curl({"--cacert", m_ca, "-u", auth(), https("/session")}).status(), 200);
    // healthz with someone else's credentials still only reports health.
    QCOMPARE(curl({"--cacert", m_ca, "-X", "POST", https("/healthz")}).status(), 401);
}

void TestFrontDoorE2E::plainHttpRedirectsToHttps()
{
    const Curl r = curl({"-D", "-", QStringLiteral("http://localhost:%1/session").arg(m_config.frontDoorHttpPort)});
    QCOMPARE(r.status(), 308);
    QVERIFY2(r.out.contains(QStringLiteral("location: https://localhost:%1/session").arg(m_config.frontDoorHttpsPort),
                            Qt::CaseInsensitive),
             qPrintable(r.out));
    // ... but /healthz answers on plain HTTP too, for load balancers.
    QCOMPARE(curl({QStringLiteral("http://127.0.0.1:%1/healthz").arg(m_config.frontDoorHttpPort)}).status(), 200);
}

void TestFrontDoorE2E::crossOriginWritesAreRefused()
{
    const QString url = https("/session");
    const Curl evil = curl({"--cacert", m_ca, "-u", auth(), "-X", "POST", "-H", "Origin: https://evil.example", "-H",
                            "Content-Type: application/json", "--data", "{}", url});
    QCOMPARE(evil.status(), 403);
    const Curl same = curl({"--cacert", m_ca, "-u", auth(), "-X", "POST", "-H",
                            QStringLiteral("Origin: https://localhost:%1").arg(m_config.frontDoorHttpsPort), "-H",
                            "Content-Type: application/json", "--data", "{}", url});
    QVERIFY2(same.status() == 200, qPrintable(same.out));
    // HTTP/1.1 as browsers use for WebSockets: over HTTP/2 curl drops the Upgrade header.
    const Curl evilWs = curl({"--http1.1", "--cacert", m_ca, "-u", auth(), "-H", "Origin: https://evil.example", "-H",
                              "Connection: Upgrade", "-H", "Upgrade: websocket", https("/pty")});
    QCOMPARE(evilWs.status(), 403);
}

void TestFrontDoorE2E::serverSentEventsArriveThroughTheProxy()
{
    // opencode sends server.connected at once and a heartbeat every 10 s; unbuffered, both arrive in 13 s.
    const Curl r = curl({"--cacert", m_ca, "-u", auth(), "-N", "--max-time", "13", https("/global/event")}, 20000);
    QCOMPARE(r.exitCode, 28); // held open until our own timeout
    QVERIFY2(r.out.count(QStringLiteral("data:")) >= 2, qPrintable(r.out));
    QVERIFY2(r.out.contains("heartbeat"), qPrintable(r.out));
}

void TestFrontDoorE2E::healthzFailsWhenOpencodeIsStopped()
{
    QVERIFY(m_engine->client()->stopContainer(m_config.containerName, 5));
    const Curl r = curl({"--cacert", m_ca, https("/healthz")});
    QVERIFY2(r.exitCode == 0 && r.status() >= 500, qPrintable(r.out));
    ServiceController controller(m_config, m_password, m_engine->client());
    QVERIFY(controller.stop());
    QVERIFY(!m_engine->client()->inspectContainer(FrontDoor::containerName(m_config))->running);
}

void TestFrontDoorE2E::cleanupTestCase()
{
    if (m_engine) {
        test::removeService(m_engine->client(), m_config.containerName, m_config.volumePrefix);
    }
}

QTEST_GUILESS_MAIN(TestFrontDoorE2E)
#include "TestFrontDoorE2E.moc"
