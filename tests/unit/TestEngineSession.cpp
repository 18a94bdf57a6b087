// EngineSession against the fake engine: the version is negotiated once and prefixes every later path,
// a probe gives up on a silent engine after its own short limit, answers that are not JSON name the
// request, and a stream handler sees only successful answers. No Docker.

#include "core/docker/ApiVersion.h"
#include "core/docker/EngineSession.h"
#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"
#include "support/FakeEngine.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace occ;
using occ::test::FakeEngine;

class TestEngineSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void negotiatesOnceAndVersionsEveryPath();
    void fallsBackToVersionWhenPingHasNoHeader();
    void refusesAnEngineOlderThanMinimum();
    void probeTimeoutFitsTheEndpoint();
    void aSilentEngineTimesOutAtTheProbeLimit();
    void anAnswerThatIsNotJsonNamesTheRequest();
    void aHandlerThatStopsCancels();
    void anErrorAnswerNeverReachesTheHandler();
    void pingAndGetIsOneRoundTrip();
    void pingAndGetAsksAgainWhenTheEngineIsNewer();

private:
    std::unique_ptr<EngineSession> sessionFor(const QString& hostUrl);

    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<DockerNetworkAccessManager> m_nam;
    std::unique_ptr<EngineSession> m_session;
};

std::unique_ptr<EngineSession> TestEngineSession::sessionFor(const QString& hostUrl)
{
    const auto endpoint = DockerEndpoint::parse(hostUrl);
    if (!endpoint) {
        return nullptr;
    }
    m_nam = std::make_unique<DockerNetworkAccessManager>(*endpoint);
    return std::make_unique<EngineSession>(m_nam.get());
}

void TestEngineSession::init()
{
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->isListening());
    m_session = sessionFor(QStringLiteral("unix://") + m_engine->socketPath());
    QVERIFY(m_session);
}

void TestEngineSession::cleanup()
{
    m_session.reset();
    m_nam.reset();
    m_engine.reset();
}

void TestEngineSession::negotiatesOnceAndVersionsEveryPath()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping("1.43"));
    m_engine->on("GET", QStringLiteral("/info"), FakeEngine::json(R"({"ID":"x"})"));

    QCOMPARE(m_session->negotiateApiVersion().value(), QStringLiteral("1.43"));
    QCOMPARE(m_session->negotiateApiVersion().value(), QStringLiteral("1.43"));
    const auto info = m_session->requestJson("GET", QStringLiteral("/info"));
    QVERIFY(info.ok());
    QCOMPARE(QString::fromStdString(info->value("ID", std::string())), QStringLiteral("x"));

    QCOMPARE(m_engine->requests(QByteArrayLiteral("GET"), QStringLiteral("/_ping")).size(), 1);
    QCOMPARE(m_engine->requests().constLast().target, QByteArrayLiteral("/v1.43/info"));
    QCOMPARE(m_session->engineApiVersion(), QStringLiteral("1.43"));
}

void TestEngineSession::fallsBackToVersionWhenPingHasNoHeader()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::noContent(200));
    m_engine->on("GET", QStringLiteral("/version"), FakeEngine::json(R"({"Version":"20.10","ApiVersion":"1.41"})"));

    QCOMPARE(m_session->negotiateApiVersion().value(), QStringLiteral("1.41"));
    QCOMPARE(m_engine->requests(QByteArrayLiteral("GET"), QStringLiteral("/version")).size(), 1);
}

void TestEngineSession::refusesAnEngineOlderThanMinimum()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping("1.24"));

    const auto version = m_session->negotiateApiVersion();
    QVERIFY(!version.ok());
    QCOMPARE(version.error().category(), DockerError::Category::ApiVersion);
    QVERIFY(version.error().endpoint().contains(m_engine->socketPath()));
    QVERIFY(m_session->apiVersion().isEmpty());
}

void TestEngineSession::probeTimeoutFitsTheEndpoint()
{
    QCOMPARE(m_session->probeTimeout(), EngineSession::ProbeTimeoutMs);
    const auto ssh = sessionFor(QStringLiteral("ssh://someone@example.invalid"));
    QVERIFY(ssh);
    QCOMPARE(ssh->probeTimeout(), EngineSession::SshProbeTimeoutMs);
    QVERIFY(EngineSession::SshProbeTimeoutMs > EngineSession::ProbeTimeoutMs);
}

void TestEngineSession::aSilentEngineTimesOutAtTheProbeLimit()
{
    // Accepts every connection and never answers.
    QTemporaryDir dir;
    QLocalServer silent;
    QVERIFY(silent.listen(dir.filePath(QStringLiteral("silent.sock"))));
    QList<QLocalSocket*> held;
    connect(&silent, &QLocalServer::newConnection, this, [&] {
        while (QLocalSocket* socket = silent.nextPendingConnection()) {
            held.append(socket);
        }
    });
    auto session = sessionFor(QStringLiteral("unix://") + silent.fullServerName());
    QVERIFY(session);
    session->setProbeTimeout(400);

    QElapsedTimer timer;
    timer.start();
    const auto ping = session->ping();
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!ping.ok());
    QCOMPARE(ping.error().category(), DockerError::Category::Timeout);
    QVERIFY2(elapsed >= 350 && elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void TestEngineSession::anAnswerThatIsNotJsonNamesTheRequest()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping("1.41"));
    m_engine->on("GET", QStringLiteral("/info"), FakeEngine::json("{not json"));

    const auto info = m_session->requestJson("GET", QStringLiteral("/info?x=1"));
    QVERIFY(!info.ok());
    QCOMPARE(info.error().category(), DockerError::Category::Parse);
    QVERIFY2(info.error().message().startsWith(QStringLiteral("GET /info:")), qPrintable(info.error().message()));
}

void TestEngineSession::aHandlerThatStopsCancels()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping("1.41"));
    m_engine->on("GET", QStringLiteral("/events"),
                 FakeEngine::chunkedHead("application/json") + FakeEngine::chunk(R"({"a":1})"));

    int chunks = 0;
    const auto answer = m_session->request("GET", QStringLiteral("/events"), {}, {}, 0, true, [&](const QByteArray&) {
        ++chunks;
        return false;
    });
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().category(), DockerError::Category::Cancelled);
    QCOMPARE(chunks, 1);
}

void TestEngineSession::anErrorAnswerNeverReachesTheHandler()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping("1.41"));
    m_engine->on("GET", QStringLiteral("/containers/gone/logs"),
                 FakeEngine::error(404, QStringLiteral("No such container: gone")));

    int chunks = 0;
    const auto answer =
        m_session->request("GET", QStringLiteral("/containers/gone/logs"), {}, {}, 0, true, [&](const QByteArray&) {
            ++chunks;
            return true;
        });
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().category(), DockerError::Category::NotFound);
    QCOMPARE(answer.error().message(), QStringLiteral("No such container: gone"));
    QCOMPARE(chunks, 0);
}

void TestEngineSession::pingAndGetIsOneRoundTrip()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping(ApiVersion::Newest));
    m_engine->on("GET", QStringLiteral("/containers/c/json"), FakeEngine::json(R"({"Id":"c1"})"));

    const auto first = m_session->pingAndGet(QStringLiteral("/containers/c/json"));
    QVERIFY(first.ping.ok());
    QVERIFY(first.answer.ok());
    QCOMPARE(QString::fromStdString(first.answer->value("Id", std::string())), QStringLiteral("c1"));
    // Before negotiation the GET went out unversioned beside the ping, and was not asked again.
    QCOMPARE(m_engine->requests().size(), 2);
    QCOMPARE(m_engine->count("GET /containers/c/json "), 1);

    m_engine->clearRequests();
    const auto second = m_session->pingAndGet(QStringLiteral("/containers/c/json"));
    QVERIFY(second.answer.ok());
    QCOMPARE(m_engine->count(QByteArrayLiteral("GET /v") + ApiVersion::Newest + "/containers/c/json "), 1);
    QCOMPARE(m_engine->requests().size(), 2);
}

void TestEngineSession::pingAndGetAsksAgainWhenTheEngineIsNewer()
{
    m_engine->on("GET", QStringLiteral("/_ping"), FakeEngine::ping("1.99"));
    m_engine->on("GET", QStringLiteral("/containers/c/json"), FakeEngine::json(R"({"Id":"c1"})"));

    const auto answer = m_session->pingAndGet(QStringLiteral("/containers/c/json"));
    QVERIFY(answer.ping.ok());
    QVERIFY(answer.answer.ok());
    QCOMPARE(m_engine->count("GET /containers/c/json "), 1);
    QCOMPARE(m_engine->count(QByteArrayLiteral("GET /v") + ApiVersion::Newest + "/containers/c/json "), 1);
}

QTEST_GUILESS_MAIN(TestEngineSession)
#include "TestEngineSession.moc"
