#include "core/transport/DockerNetworkAccessManager.h"
#include "core/transport/HttpIoDeviceReply.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using occ::DockerEndpoint;
using occ::DockerNetworkAccessManager;
using occ::TransportError;
using occ::TransportErrorAttribute;

// A local server for what a real engine will not send: broken HTTP, silence, a cut in the middle of a chunk.
// Everything a real engine does say is covered by TestTransportIntegration.
class TestHttpIoDeviceReply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void requestIsWrittenAsHttp11();
    void streamedChunksArriveAsTheyCome();
    void malformedBodyIsAProtocolError();
    void silentServerTimesOut();
    void zeroTimeoutWaitsForSlowStreams();
    void closeMidChunkIsConnectionClosed();
    void abortMidStreamIsCanceled();
    void deletingTheReplyInsideReadyReadIsSafe();
    void httpErrorStatusKeepsTheBodyReadable();
    void missingSocketIsEngineMissing();
    void socketFileNobodyListensOnIsRefused();

private:
    QNetworkReply* get(const QString& path, int timeoutMs = DockerNetworkAccessManager::DefaultTimeoutMs);
    // Waits until the fake server has the whole request head.
    bool waitForRequest();
    void send(const QByteArray& bytes);
    static TransportError cause(QNetworkReply* reply)
    {
        return TransportError(reply->attribute(TransportErrorAttribute).toInt());
    }

    QScopedPointer<QTemporaryDir> m_dir;
    QScopedPointer<QLocalServer> m_server;
    QScopedPointer<DockerNetworkAccessManager> m_nam;
    QPointer<QLocalSocket> m_peer;
    QByteArray m_received;
};

void TestHttpIoDeviceReply::init()
{
    m_dir.reset(new QTemporaryDir);
    m_server.reset(new QLocalServer);
    m_received.clear();
    m_peer = nullptr;
    const QString path = m_dir->path() + "/engine.sock";
    QVERIFY(m_server->listen(path));
    connect(m_server.data(), &QLocalServer::newConnection, this, [this] {
        m_peer = m_server->nextPendingConnection();
        connect(m_peer, &QLocalSocket::readyRead, this, [this] { m_received += m_peer->readAll(); });
    });
    DockerEndpoint e;
    e.kind = DockerEndpoint::Kind::Unix;
    e.address = path;
    m_nam.reset(new DockerNetworkAccessManager(e));
}

void TestHttpIoDeviceReply::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

QNetworkReply* TestHttpIoDeviceReply::get(const QString& path, int timeoutMs)
{
    QNetworkRequest req = m_nam->engineRequest(path);
    req.setTransferTimeout(timeoutMs);
    return m_nam->get(req);
}

bool TestHttpIoDeviceReply::waitForRequest()
{
    QElapsedTimer t;
    t.start();
    while (!m_received.contains("\r\n\r\n") && t.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return m_received.contains("\r\n\r\n");
}

void TestHttpIoDeviceReply::send(const QByteArray& bytes)
{
    QVERIFY(m_peer);
    m_peer->write(bytes);
    m_peer->flush();
}

void TestHttpIoDeviceReply::requestIsWrittenAsHttp11()
{
    QNetworkRequest req = m_nam->engineRequest("/v1.41/containers/create?name=occ-x");
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QScopedPointer<QNetworkReply> reply(m_nam->post(req, QByteArray(R"({"Image":"busybox"})")));
    QVERIFY(qobject_cast<occ::HttpIoDeviceReply*>(reply.data()));
    QVERIFY(waitForRequest());
    QTRY_VERIFY(m_received.endsWith(R"({"Image":"busybox"})"));
    QVERIFY2(m_received.startsWith("POST /v1.41/containers/create?name=occ-x HTTP/1.1\r\n"), m_received.constData());
    QVERIFY(m_received.contains("\r\nHost: docker\r\n"));
    QVERIFY(m_received.contains("\r\nConnection: close\r\n"));
    QVERIFY(m_received.contains("\r\nContent-Length: 19\r\n"));
    QVERIFY(m_received.contains("\r\nContent-Type: application/json\r\n"));

    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    send("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"Id\":\"ab\"}");
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), QString("Created"));
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QString("application/json"));
    QCOMPARE(reply->readAll(), QByteArray("{\"Id\":\"ab\"}"));
}

void TestHttpIoDeviceReply::streamedChunksArriveAsTheyCome()
{
    QScopedPointer<QNetworkReply> reply(get("/v1.41/events", 0));
    QSignalSpy meta(reply.data(), &QNetworkReply::metaDataChanged);
    QSignalSpy ready(reply.data(), &QNetworkReply::readyRead);
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(waitForRequest());

    send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    QVERIFY(meta.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->bytesAvailable(), 0);

    // Each event must be readable before the next one is even sent.
    const QList<QByteArray> events = {"{\"a\":1}\n", "{\"b\":2}\n", "{\"c\":3}\n"};
    for (const QByteArray& ev : events) {
        send(QByteArray::number(ev.size(), 16) + "\r\n" + ev.left(3));
        QVERIFY(ready.wait());
        QByteArray got = reply->readAll();
        send(ev.mid(3) + "\r\n");
        while (got.size() < ev.size()) {
            QVERIFY(ready.wait());
            got += reply->readAll();
        }
        QCOMPARE(got, ev);
        QCOMPARE(finished.count(), 0);
    }
    send("0\r\n\r\n");
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY(reply->isFinished());
    QTest::qWait(50); // a stray second finished() would show up here
    QCOMPARE(finished.count(), 1);
    QCOMPARE(meta.count(), 1);
}

void TestHttpIoDeviceReply::malformedBodyIsAProtocolError()
{
    QScopedPointer<QNetworkReply> reply(get("/v1.41/info"));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QSignalSpy errors(reply.data(), &QNetworkReply::errorOccurred);
    QVERIFY(waitForRequest());
    send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n");
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::ProtocolFailure);
    QCOMPARE(cause(reply.data()), TransportError::ProtocolError);
    QVERIFY2(reply->errorString().contains("chunk size"), qPrintable(reply->errorString()));
    QCOMPARE(errors.count(), 1);
}

void TestHttpIoDeviceReply::silentServerTimesOut()
{
    QElapsedTimer t;
    t.start();
    QScopedPointer<QNetworkReply> reply(get("/v1.41/info", 300));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(waitForRequest());
    send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome"); // then nothing
    QVERIFY(finished.wait(5000));
    QVERIFY2(t.elapsed() >= 300,
             qPrintable(QString("fired after %1 ms: %2").arg(t.elapsed()).arg(reply->errorString())));
    QCOMPARE(reply->error(), QNetworkReply::TimeoutError);
    QCOMPARE(cause(reply.data()), TransportError::Timeout);
    QCOMPARE(reply->readAll(), QByteArray("some"));
}

void TestHttpIoDeviceReply::zeroTimeoutWaitsForSlowStreams()
{
    QScopedPointer<QNetworkReply> reply(get("/v1.41/events", 0));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(waitForRequest());
    send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    QVERIFY(!finished.wait(600)); // longer than any timeout this file uses
    send("2\r\nok\r\n0\r\n\r\n");
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray("ok"));
}

void TestHttpIoDeviceReply::closeMidChunkIsConnectionClosed()
{
    QScopedPointer<QNetworkReply> reply(get("/v1.41/containers/x/logs?follow=1", 0));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(waitForRequest());
    send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nhalf a ");
    QTRY_COMPARE(reply->bytesAvailable(), 7);
    m_peer->disconnectFromServer();
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(cause(reply.data()), TransportError::ConnectionClosed);
    QCOMPARE(reply->readAll(), QByteArray("half a "));
}

void TestHttpIoDeviceReply::abortMidStreamIsCanceled()
{
    QScopedPointer<QNetworkReply> reply(get("/v1.41/events", 0));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QSignalSpy errors(reply.data(), &QNetworkReply::errorOccurred);
    QVERIFY(waitForRequest());
    send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\none\r\n");
    QTRY_COMPARE(reply->bytesAvailable(), 3);
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    QVERIFY(reply->isFinished());
    // The connection is gone: the server sees it close, and nothing more reaches the reply.
    QTRY_VERIFY(m_peer->state() == QLocalSocket::UnconnectedState);
    reply->abort();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(errors.count(), 1);
}

void TestHttpIoDeviceReply::deletingTheReplyInsideReadyReadIsSafe()
{
    QPointer<QNetworkReply> reply = get("/v1.41/events", 0);
    connect(reply, &QNetworkReply::readyRead, this, [reply] { delete reply.data(); });
    QVERIFY(waitForRequest());
    // Body bytes and the end in one write: the reply dies while it still has work to do for this read.
    send("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody");
    QTRY_VERIFY(reply.isNull());
    QTRY_VERIFY(m_peer->state() == QLocalSocket::UnconnectedState);
}

void TestHttpIoDeviceReply::httpErrorStatusKeepsTheBodyReadable()
{
    QScopedPointer<QNetworkReply> reply(get("/v1.41/containers/x/start"));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(waitForRequest());
    send("HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{\"message\":\"in "
         "use\"}");
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::ContentConflictError);
    QCOMPARE(cause(reply.data()), TransportError::None);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 409);
    QCOMPARE(reply->readAll(), QByteArray("{\"message\":\"in use\"}"));
}

void TestHttpIoDeviceReply::missingSocketIsEngineMissing()
{
    DockerEndpoint e;
    e.address = m_dir->path() + "/nothing-here.sock";
    DockerNetworkAccessManager nam(e);
    QScopedPointer<QNetworkReply> reply(nam.get(nam.engineRequest("/_ping")));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::HostNotFoundError);
    QCOMPARE(cause(reply.data()), TransportError::EngineMissing);
    QVERIFY2(reply->errorString().contains("nothing-here.sock"), qPrintable(reply->errorString()));
}

void TestHttpIoDeviceReply::socketFileNobodyListensOnIsRefused()
{
    // A stale socket file after the engine died: the path exists, nobody accepts.
    const QString stale = m_dir->path() + "/stale.sock";
    {
        QLocalServer dead;
        dead.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY(dead.listen(stale));
        // Closing removes the file; a crashed engine leaves it behind, so keep a hard link to its inode.
        QCOMPARE(::link(stale.toLocal8Bit().constData(), (stale + ".keep").toLocal8Bit().constData()), 0);
    }
    DockerEndpoint e;
    e.address = stale + ".keep";
    DockerNetworkAccessManager nam(e);
    QScopedPointer<QNetworkReply> reply(nam.get(nam.engineRequest("/_ping")));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(cause(reply.data()), TransportError::ConnectionRefused);
}

QTEST_GUILESS_MAIN(TestHttpIoDeviceReply)
#include "TestHttpIoDeviceReply.moc"
