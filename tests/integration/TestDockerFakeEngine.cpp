// DockerClient against a fake engine on a QLocalServer: what the shared real engine cannot be made
// to do on purpose (die mid-stream, report odd API versions).

#include "core/docker/DockerClient.h"
#include "core/docker/EventStream.h"
#include "core/docker/LogStream.h"
#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"
#include "support/FakeEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace occ;

using occ::test::FakeEngine;

class TestDockerFakeEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void negotiation_data();
    void negotiation();
    void pingAndInspect_data();
    void pingAndInspect();
    void pingAndInspectOnceNegotiated();
    void eventsEngineDiesMidStream();
    void eventsCleanEnd();
    void logsEngineDiesMidStream();
    void logsEndMidFrameIsAnError();
    void logsCleanEnd();
    void badFramingIsParseError();
    void noEngine();

private:
    std::unique_ptr<DockerClient> client(FakeEngine::LineHandler handler);

    QTemporaryDir m_dir;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<DockerNetworkAccessManager> m_nam;
    std::unique_ptr<DockerClient> m_client;
};

void TestDockerFakeEngine::init()
{
    m_client.reset();
    m_nam.reset();
    m_engine.reset();
}

std::unique_ptr<DockerClient> TestDockerFakeEngine::client(FakeEngine::LineHandler handler)
{
    const QString path = m_dir.filePath(QStringLiteral("occ-dk-fake.sock"));
    m_engine = std::make_unique<FakeEngine>(path, std::move(handler));
    if (!m_engine->isListening()) {
        return nullptr;
    }
    const auto endpoint = DockerEndpoint::parse(QStringLiteral("unix://") + path);
    if (!endpoint) {
        return nullptr;
    }
    m_nam = std::make_unique<DockerNetworkAccessManager>(*endpoint);
    return std::make_unique<DockerClient>(m_nam.get());
}

void TestDockerFakeEngine::negotiation_data()
{
    QTest::addColumn<QByteArray>("pingVersion");
    QTest::addColumn<QByteArray>("versionBody"); // GET /version, used when ping has no header
    QTest::addColumn<QString>("expected"); // empty = refused with ApiVersion
    QTest::newRow("engine 1.41 is spoken as 1.41") << QByteArray("1.41") << QByteArray() << "1.41";
    QTest::newRow("engine 1.52 is capped at 1.47") << QByteArray("1.52") << QByteArray() << "1.47";
    QTest::newRow("engine 1.24 is refused") << QByteArray("1.24") << QByteArray() << "";
    QTest::newRow("no Api-Version header falls back to /version")
        << QByteArray() << QByteArray(R"({"Version":"20.10.5","ApiVersion":"1.43"})") << "1.43";
}

void TestDockerFakeEngine::negotiation()
{
    QFETCH(QByteArray, pingVersion);
    QFETCH(QByteArray, versionBody);
    QFETCH(QString, expected);
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping(pingVersion);
        }
        if (line.startsWith("GET /version ")) {
            return FakeEngine::json(versionBody);
        }
        if (line.contains("/containers/json")) {
            return FakeEngine::json("[]");
        }
        return FakeEngine::json(R"({"message":"unexpected"})", 500);
    });
    QVERIFY(m_client);
    const auto list = m_client->listContainers();
    if (expected.isEmpty()) {
        QVERIFY(!list.ok());
        QCOMPARE(DockerError::categoryName(list.error().category()), QStringLiteral("ApiVersion"));
        QVERIFY(m_client->apiVersion().isEmpty());
        // Nothing versioned was sent to an engine we refused.
        QCOMPARE(m_engine->count("/containers"), 0);
    } else {
        QVERIFY2(list.ok(), qPrintable(list.error().message()));
        QCOMPARE(m_client->apiVersion(), expected);
        QCOMPARE(m_engine->requests().last().line, "GET /v" + expected.toLatin1() + "/containers/json?all=1 HTTP/1.1");
        // Negotiated once: a second call does not ping again.
        const int pings = m_engine->count("/_ping");
        QVERIFY(m_client->listContainers().ok());
        QCOMPARE(m_engine->count("/_ping"), pings);
    }
}

void TestDockerFakeEngine::pingAndInspect_data()
{
    QTest::addColumn<QByteArray>("pingVersion");
    QTest::addColumn<QString>("expected"); // empty = refused with ApiVersion
    QTest::addColumn<bool>("askedAgain"); // the unversioned answer was not in the negotiated version
    QTest::newRow("engine 1.41: its unversioned answer is in 1.41 and kept") << QByteArray("1.41") << "1.41" << false;
    QTest::newRow("engine 1.47: kept") << QByteArray("1.47") << "1.47" << false;
    QTest::newRow("engine 1.52: asked again as 1.47") << QByteArray("1.52") << "1.47" << true;
    QTest::newRow("engine 1.24: refused, the ping's error for both") << QByteArray("1.24") << "" << false;
}

void TestDockerFakeEngine::pingAndInspect()
{
    QFETCH(QByteArray, pingVersion);
    QFETCH(QString, expected);
    QFETCH(bool, askedAgain);
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.contains("/_ping ")) {
            return FakeEngine::ping(pingVersion);
        }
        if (line.contains("/containers/web/json")) {
            // What the engine answers in its own version, or in the one asked for.
            const QByteArray version = line.startsWith("GET /v") ? line.mid(6, line.indexOf('/', 6) - 6) : pingVersion;
            return FakeEngine::json(R"({"Id":"abc","State":{"Running":true},"Config":{"Labels":{"v":")" + version
                                    + R"("}}})");
        }
        if (line.contains("/containers/gone/json")) {
            return FakeEngine::json(R"({"message":"No such container: gone"})", 404);
        }
        return FakeEngine::json(R"({"message":"unexpected"})", 500);
    });
    QVERIFY(m_client);
    const auto answer = m_client->pingAndInspect(QStringLiteral("web"));
    if (expected.isEmpty()) {
        QVERIFY(!answer.ping.ok());
        QCOMPARE(DockerError::categoryName(answer.ping.error().category()), QStringLiteral("ApiVersion"));
        QVERIFY(!answer.container.ok());
        QCOMPARE(answer.container.error().message(), answer.ping.error().message());
        QCOMPARE(m_engine->count("GET /v"), 0); // nothing versioned to an engine we refused
        return;
    }
    QVERIFY2(answer.ping.ok(), qPrintable(answer.ping.error().message()));
    QVERIFY2(answer.container.ok(), qPrintable(answer.container.error().message()));
    QCOMPARE(m_client->apiVersion(), expected);
    QCOMPARE(answer.container->id, QStringLiteral("abc"));
    // The container is described in the version we speak, whichever request brought it.
    QCOMPARE(answer.container->labels.value(QStringLiteral("v")), expected);
    QCOMPARE(m_engine->count("GET /containers/web/json "), 1);
    QCOMPARE(m_engine->count("GET /v" + expected.toLatin1() + "/containers/web/json "), askedAgain ? 1 : 0);
    QCOMPARE(m_engine->count("/_ping"), 1);

    // A container the engine does not know: the ping still counts, the inspect says NotFound.
    const auto gone = m_client->pingAndInspect(QStringLiteral("gone"));
    QVERIFY(gone.ping.ok());
    QVERIFY(!gone.container.ok());
    QCOMPARE(DockerError::categoryName(gone.container.error().category()), QStringLiteral("NotFound"));
}

// Once the version is known both requests go out versioned, side by side.
void TestDockerFakeEngine::pingAndInspectOnceNegotiated()
{
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.contains("/_ping ")) {
            return FakeEngine::ping("1.43");
        }
        if (line.startsWith("GET /v1.43/containers/web/json ")) {
            return FakeEngine::json(R"({"Id":"abc","State":{"Running":false}})");
        }
        return FakeEngine::json(R"({"message":"unexpected"})", 500);
    });
    QVERIFY(m_client);
    QVERIFY(m_client->negotiateApiVersion().ok());
    m_engine->clearRequests();
    const auto answer = m_client->pingAndInspect(QStringLiteral("web"));
    QVERIFY(answer.ping.ok());
    QVERIFY2(answer.container.ok(), qPrintable(answer.container.error().message()));
    QVERIFY(!answer.container->running);
    QCOMPARE(m_engine->requests().size(), 2);
    QCOMPARE(m_engine->count("GET /v1.43/_ping "), 1);
    QCOMPARE(m_engine->count("GET /v1.43/containers/web/json "), 1);
}

void TestDockerFakeEngine::eventsEngineDiesMidStream()
{
    const QByteArray event = R"({"Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{}},)"
                             R"("time":1714979289,"timeNano":1714979289000000000})";
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping("1.41");
        }
        // One whole event, half of the next, then the socket closes without the final chunk.
        return FakeEngine::chunkedHead("application/json") + FakeEngine::chunk(event + "\n")
            + FakeEngine::chunk(event.left(20));
    });
    QVERIFY(m_client);
    QMap<QString, QStringList> filters{{QStringLiteral("type"), {QStringLiteral("container")}}};
    std::unique_ptr<EventStream> stream(m_client->events(filters));
    QSignalSpy events(stream.get(), &EventStream::eventReceived);
    QSignalSpy finished(stream.get(), &EventStream::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().first().value<DockerEvent>().actorId, QStringLiteral("abc"));
    const auto error = finished.first().first().value<DockerError>();
    QCOMPARE(DockerError::categoryName(error.category()), QStringLiteral("Connection"));
    QVERIFY(
        m_engine->requests().last().line.contains("/v1.41/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D"));
}

void TestDockerFakeEngine::eventsCleanEnd()
{
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping("1.41");
        }
        return FakeEngine::chunkedHead("application/json")
            + FakeEngine::chunk(R"({"Type":"volume","Action":"create"})"
                                "\n")
            + "0\r\n\r\n";
    });
    QVERIFY(m_client);
    std::unique_ptr<EventStream> stream(m_client->events({}));
    QSignalSpy events(stream.get(), &EventStream::eventReceived);
    QSignalSpy finished(stream.get(), &EventStream::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(events.size(), 1);
    QVERIFY(!finished.first().first().value<DockerError>().isError());
}

void TestDockerFakeEngine::logsEngineDiesMidStream()
{
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping("1.41");
        }
        // Whole frames, then the connection drops between frames without the terminating chunk.
        return FakeEngine::chunkedHead("application/vnd.docker.raw-stream")
            + FakeEngine::chunk(FakeEngine::frame(1, "out\n") + FakeEngine::frame(2, "err\n"));
    });
    QVERIFY(m_client);
    LogOptions options;
    options.follow = true;
    options.tty = false;
    std::unique_ptr<LogStream> stream(m_client->logs(QStringLiteral("abc"), options));
    QByteArray out, err;
    connect(stream.get(), &LogStream::framesReceived, this, [&](const QVector<LogFrame>& frames) {
        for (const LogFrame& f : frames) {
            (f.stream == 2 ? err : out).append(f.payload);
        }
    });
    QSignalSpy finished(stream.get(), &LogStream::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(out, QByteArray("out\n"));
    QCOMPARE(err, QByteArray("err\n"));
    QCOMPARE(DockerError::categoryName(finished.first().first().value<DockerError>().category()),
             QStringLiteral("Connection"));
    QVERIFY(m_engine->requests().last().line.startsWith("GET /v1.41/containers/abc/logs?"));

    // The blocking helper reports the same.
    const auto blocking = m_client->streamLogs(QStringLiteral("abc"), options, [](int, const char*, size_t) {});
    QCOMPARE(DockerError::categoryName(blocking.error().category()), QStringLiteral("Connection"));
}

void TestDockerFakeEngine::logsEndMidFrameIsAnError()
{
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping("1.41");
        }
        // A complete HTTP body whose last frame is cut: the framing, not HTTP, shows the loss.
        return FakeEngine::chunkedHead("application/vnd.docker.raw-stream")
            + FakeEngine::chunk(FakeEngine::frame(1, "whole\n") + FakeEngine::frame(1, "cut").left(9)) + "0\r\n\r\n";
    });
    QVERIFY(m_client);
    LogOptions options;
    options.tty = false;
    QByteArray out;
    const auto result = m_client->streamLogs(QStringLiteral("abc"), options,
                                             [&](int, const char* data, size_t size) { out.append(data, int(size)); });
    QCOMPARE(out, QByteArray("whole\n"));
    QCOMPARE(DockerError::categoryName(result.error().category()), QStringLiteral("Connection"));
}

void TestDockerFakeEngine::logsCleanEnd()
{
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping("1.41");
        }
        if (line.contains("/containers/abc/json")) {
            return FakeEngine::json(R"({"Id":"abc","Config":{"Tty":false}})");
        }
        return FakeEngine::chunkedHead("application/vnd.docker.raw-stream")
            + FakeEngine::chunk(FakeEngine::frame(1, "a\n")) + FakeEngine::chunk(FakeEngine::frame(2, "b\n"))
            + "0\r\n\r\n";
    });
    QVERIFY(m_client);
    std::unique_ptr<LogStream> stream(m_client->logs(QStringLiteral("abc"), {})); // tty looked up
    QSignalSpy frames(stream.get(), &LogStream::framesReceived);
    QSignalSpy finished(stream.get(), &LogStream::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.first().first().value<DockerError>().isError());
    int count = 0;
    for (const auto& args : frames) {
        count += args.first().value<QVector<LogFrame>>().size();
    }
    QCOMPARE(count, 2);
    QVERIFY(m_engine->count("/containers/abc/json") == 1);
}

void TestDockerFakeEngine::badFramingIsParseError()
{
    m_client = client([&](const QByteArray& line) -> QByteArray {
        if (line.startsWith("GET /_ping ")) {
            return FakeEngine::ping("1.41");
        }
        return FakeEngine::chunkedHead("application/vnd.docker.raw-stream")
            + FakeEngine::chunk("plain text from a tty\n") + "0\r\n\r\n";
    });
    QVERIFY(m_client);
    LogOptions options;
    options.tty = false; // wrong on purpose
    std::unique_ptr<LogStream> stream(m_client->logs(QStringLiteral("abc"), options));
    QSignalSpy finished(stream.get(), &LogStream::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(DockerError::categoryName(finished.first().first().value<DockerError>().category()),
             QStringLiteral("Parse"));
}

void TestDockerFakeEngine::noEngine()
{
    const auto endpoint =
        DockerEndpoint::parse(QStringLiteral("unix://") + m_dir.filePath(QStringLiteral("none.sock")));
    QVERIFY(endpoint);
    DockerNetworkAccessManager nam(*endpoint);
    DockerClient docker(&nam);
    const auto result = docker.ping();
    QVERIFY(!result.ok());
    QCOMPARE(DockerError::categoryName(result.error().category()), QStringLiteral("NoEngine"));
    QVERIFY2(result.error().userMessage().contains(m_dir.filePath(QStringLiteral("none.sock"))),
             qPrintable(result.error().userMessage()));
    std::unique_ptr<EventStream> events(docker.events({}));
    QSignalSpy finished(events.get(), &EventStream::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(DockerError::categoryName(finished.first().first().value<DockerError>().category()),
             QStringLiteral("NoEngine"));
}

QTEST_GUILESS_MAIN(TestDockerFakeEngine)
#include "TestDockerFakeEngine.moc"
