#include "core/transport/DockerNetworkAccessManager.h"
#include "core/transport/HttpIoDeviceReply.h"
#include "core/transport/HttpRequestWriter.h"
#include "core/transport/LocalSocketChannel.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using occ::DockerEndpoint;
using occ::DockerNetworkAccessManager;
using occ::HttpRequestWriter;
using Framing = occ::HttpRequestWriter::Framing;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

// An upload of unknown length, as a pipe or a process gives it: sequential, no size, bytes as they come,
// and readChannelFinished() at the end.
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    void append(const QByteArray& more)
    {
        m_data += more;
        Q_EMIT readyRead();
    }
    void finish() { Q_EMIT readChannelFinished(); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_data.size() - m_pos);
        memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// Splits a chunked body into its chunks; an empty list when the framing is broken.
QList<QByteArray> chunksOf(QByteArray body)
{
    QList<QByteArray> chunks;
    while (true) {
        const qsizetype eol = body.indexOf("\r\n");
        bool ok = false;
        const qint64 size = body.left(eol).toLongLong(&ok, 16);
        if (eol < 0 || !ok || body.size() < eol + 2 + size + 2 || body.mid(eol + 2 + size, 2) != "\r\n") {
            return {};
        }
        chunks.append(body.mid(eol + 2, size));
        body.remove(0, eol + 2 + size + 2);
        if (size == 0) {
            return body.isEmpty() ? chunks : QList<QByteArray>{};
        }
    }
}

} // namespace

// The request bytes we send the engine, byte for byte, and a chunked upload through a real reply.
class TestHttpRequestWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headIsWrittenByteForByte_data();
    void headIsWrittenByteForByte();
    void framingFollowsTheBody_data();
    void framingFollowsTheBody();
    void targetKeepsTheQueryAsEncodedToday_data();
    void targetKeepsTheQueryAsEncodedToday();
    void chunkedBodyIsFramedPieceByPiece();
    void sizedBodyGoesOutAsItIs();
    void headerNamesAreCanonical_data();
    void headerNamesAreCanonical();
    void chunkedUploadThroughTheReplyArrivesInPieces();
};

void TestHttpRequestWriter::headIsWrittenByteForByte_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("framing");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a GET without a body has no length")
        << QByteArray("GET") << "/v1.41/containers/json?all=1" << Headers{} << int(Framing::None) << qint64(0)
        << QByteArray("GET /v1.41/containers/json?all=1 HTTP/1.1\r\n"
                      "Host: docker\r\n"
                      "Connection: close\r\n"
                      "User-Agent: opencode-cloud\r\n"
                      "\r\n");
    QTest::newRow("a POST with a body states its length, then the caller's headers")
        << QByteArray("POST") << "/v1.41/containers/create?name=occ-x" << Headers{{"Content-Type", "application/json"}}
        << int(Framing::ContentLength) << qint64(19)
        << QByteArray("POST /v1.41/containers/create?name=occ-x HTTP/1.1\r\n"
                      "Host: docker\r\n"
                      "Connection: close\r\n"
                      "User-Agent: opencode-cloud\r\n"
                      "Content-Length: 19\r\n"
                      "Content-Type: application/json\r\n"
                      "\r\n");
    QTest::newRow("a POST without a body says Content-Length: 0")
        << QByteArray("POST") << "/v1.41/containers/abc/start" << Headers{} << int(Framing::ContentLength) << qint64(0)
        << QByteArray("POST /v1.41/containers/abc/start HTTP/1.1\r\n"
                      "Host: docker\r\n"
                      "Connection: close\r\n"
                      "User-Agent: opencode-cloud\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n");
    QTest::newRow("an upload of unknown length is chunked")
        << QByteArray("POST") << "/v1.41/build?t=occ%3Alatest" << Headers{{"Content-Type", "application/x-tar"}}
        << int(Framing::Chunked) << qint64(0)
        << QByteArray("POST /v1.41/build?t=occ%3Alatest HTTP/1.1\r\n"
                      "Host: docker\r\n"
                      "Connection: close\r\n"
                      "User-Agent: opencode-cloud\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "Content-Type: application/x-tar\r\n"
                      "\r\n");
    QTest::newRow("the caller's framing headers give way to ours, its User-Agent is kept")
        << QByteArray("PUT") << "/v1.41/containers/abc/archive?path=%2Ftmp"
        << Headers{{"host", "evil"},
                   {"content-length", "5"},
                   {"Transfer-Encoding", "gzip"},
                   {"Connection", "keep-alive"},
                   {"User-Agent", "occ-test/1"}}
        << int(Framing::ContentLength) << qint64(1024)
        << QByteArray("PUT /v1.41/containers/abc/archive?path=%2Ftmp HTTP/1.1\r\n"
                      "Host: docker\r\n"
                      "Connection: close\r\n"
                      "Content-Length: 1024\r\n"
                      "User-Agent: occ-test/1\r\n"
                      "\r\n");
    QTest::newRow("a custom verb is written as given")
        << QByteArray("DELETE") << "/v1.41/containers/abc?force=1" << Headers{} << int(Framing::None) << qint64(0)
        << QByteArray("DELETE /v1.41/containers/abc?force=1 HTTP/1.1\r\n"
                      "Host: docker\r\n"
                      "Connection: close\r\n"
                      "User-Agent: opencode-cloud\r\n"
                      "\r\n");
}

void TestHttpRequestWriter::headIsWrittenByteForByte()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(Headers, headers);
    QFETCH(int, framing);
    QFETCH(qint64, length);
    QFETCH(QByteArray, expected);

    DockerNetworkAccessManager nam(DockerEndpoint{});
    QNetworkRequest request = nam.engineRequest(path);
    for (const auto& h : headers) {
        request.setRawHeader(h.first, h.second);
    }
    const HttpRequestWriter writer(verb, request, Framing(framing), length);
    QCOMPARE(writer.head(), expected);
}

void TestHttpRequestWriter::framingFollowsTheBody_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<bool>("hasBody");
    QTest::addColumn<bool>("sizeKnown");
    QTest::addColumn<int>("framing");

    QTest::newRow("GET without a body: none") << QByteArray("GET") << false << false << int(Framing::None);
    QTest::newRow("HEAD without a body: none") << QByteArray("HEAD") << false << false << int(Framing::None);
    QTest::newRow("DELETE without a body: none") << QByteArray("DELETE") << false << false << int(Framing::None);
    QTest::newRow("POST without a body: a length of 0")
        << QByteArray("POST") << false << false << int(Framing::ContentLength);
    QTest::newRow("PUT without a body: a length of 0")
        << QByteArray("PUT") << false << false << int(Framing::ContentLength);
    QTest::newRow("a body of known size: its length")
        << QByteArray("POST") << true << true << int(Framing::ContentLength);
    QTest::newRow("a body of unknown size: chunked") << QByteArray("POST") << true << false << int(Framing::Chunked);
}

void TestHttpRequestWriter::framingFollowsTheBody()
{
    QFETCH(QByteArray, verb);
    QFETCH(bool, hasBody);
    QFETCH(bool, sizeKnown);
    QFETCH(int, framing);
    QCOMPARE(int(HttpRequestWriter::framingFor(verb, hasBody, sizeKnown)), framing);
}

void TestHttpRequestWriter::targetKeepsTheQueryAsEncodedToday_data()
{
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<QByteArray>("target");

    // DockerClient percent-encodes its query values itself; they must reach the engine untouched.
    QTest::newRow("an encoded filter stays as it is")
        << "/v1.41/containers/json?all=1&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D"
        << QByteArray("/v1.41/containers/json?all=1&filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D");
    // What QUrl makes of raw JSON today: braces, quotes and spaces encoded; ':', '[', ']' and '=' kept.
    QTest::newRow("a raw filter is encoded the way QUrl does it")
        << "/v1.41/containers/json?filters={\"label\":[\"a=b c\"]}"
        << QByteArray("/v1.41/containers/json?filters=%7B%22label%22:[%22a=b%20c%22]%7D");
    QTest::newRow("a space in the path is encoded")
        << "/v1.41/images/x y/json" << QByteArray("/v1.41/images/x%20y/json");
    QTest::newRow("an empty path is the root") << "" << QByteArray("/");
    QTest::newRow("a '#' is part of the path, not a fragment") << "/_ping#x" << QByteArray("/_ping%23x");
}

void TestHttpRequestWriter::targetKeepsTheQueryAsEncodedToday()
{
    QFETCH(QString, pathAndQuery);
    QFETCH(QByteArray, target);
    DockerNetworkAccessManager nam(DockerEndpoint{});
    QCOMPARE(HttpRequestWriter::target(nam.engineRequest(pathAndQuery).url()), target);
}

void TestHttpRequestWriter::chunkedBodyIsFramedPieceByPiece()
{
    const HttpRequestWriter writer("POST", QNetworkRequest(), Framing::Chunked);
    QCOMPARE(writer.bodyPiece("abcd"), QByteArray("4\r\nabcd\r\n"));
    QCOMPARE(writer.bodyPiece(QByteArray(26, 'z')), QByteArray("1a\r\n") + QByteArray(26, 'z') + "\r\n");
    // An empty piece must not go out as a chunk: "0\r\n\r\n" would end the body.
    QCOMPARE(writer.bodyPiece(QByteArray()), QByteArray());
    QCOMPARE(writer.bodyEnd(), QByteArray("0\r\n\r\n"));
}

void TestHttpRequestWriter::sizedBodyGoesOutAsItIs()
{
    const HttpRequestWriter writer("POST", QNetworkRequest(), Framing::ContentLength, 4);
    QCOMPARE(writer.bodyPiece("abcd"), QByteArray("abcd"));
    QCOMPARE(writer.bodyEnd(), QByteArray());
    QVERIFY(writer.head().contains("\r\nContent-Length: 4\r\n"));
}

void TestHttpRequestWriter::headerNamesAreCanonical_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("lower case, as Qt 6.8 hands it back") << QByteArray("content-type") << QByteArray("Content-Type");
    QTest::newRow("as the caller spelled it, as Qt 6.4 hands it back")
        << QByteArray("X-Registry-Auth") << QByteArray("X-Registry-Auth");
    QTest::newRow("mixed case") << QByteArray("x-rEgIsTrY-config") << QByteArray("X-Registry-Config");
    QTest::newRow("one word") << QByteArray("ACCEPT") << QByteArray("Accept");
    QTest::newRow("a digit starts no word") << QByteArray("x-2fa-token") << QByteArray("X-2fa-Token");
}

void TestHttpRequestWriter::headerNamesAreCanonical()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, canonical);
    QCOMPARE(HttpRequestWriter::canonicalHeaderName(name), canonical);
    // And in the head, whatever case the request kept it in.
    QNetworkRequest request(QUrl(QStringLiteral("http://docker.engine/_ping")));
    request.setRawHeader(name, "v");
    QVERIFY(HttpRequestWriter("GET", request, Framing::None).head().contains("\r\n" + canonical + ": v\r\n"));
}

void TestHttpRequestWriter::chunkedUploadThroughTheReplyArrivesInPieces()
{
    QTemporaryDir dir;
    QLocalServer server;
    QVERIFY(server.listen(dir.path() + "/engine.sock"));
    QByteArray received;
    QLocalSocket* peer = nullptr;
    connect(&server, &QLocalServer::newConnection, this, [&] {
        peer = server.nextPendingConnection();
        connect(peer, &QLocalSocket::readyRead, this, [&] { received += peer->readAll(); });
    });

    // 150 000 bytes of unknown length, arriving in two parts: more than two 64 KiB pieces in all.
    QByteArray payload;
    for (int i = 0; payload.size() < 150000; ++i) {
        payload += QByteArray::number(i) + ',';
    }
    payload.truncate(150000);
    TrickleDevice upload(payload.left(100000));
    QNetworkRequest request(QUrl(QStringLiteral("http://docker.engine/v1.41/build")));
    request.setTransferTimeout(5000);
    occ::HttpIoDeviceReply reply(new occ::LocalSocketChannel(server.fullServerName()), "POST", request, &upload);
    QTRY_VERIFY(received.endsWith(payload.mid(100000 - 16, 16) + "\r\n"));
    upload.append(payload.mid(100000));
    QTRY_VERIFY(received.endsWith(payload.right(16) + "\r\n"));
    QVERIFY2(!received.endsWith("0\r\n\r\n"), "the body ended before the upload did");
    upload.finish();
    QTRY_VERIFY(received.endsWith("\r\n0\r\n\r\n"));

    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    QVERIFY2(received.left(headEnd).contains("\r\nTransfer-Encoding: chunked"), received.left(headEnd).constData());
    QVERIFY(!received.left(headEnd).contains("Content-Length"));
    const QList<QByteArray> chunks = chunksOf(received.mid(headEnd + 4));
    // At most 64 KiB per chunk, as the bytes come: 65536 + 34464 of the first part, 50000, the last chunk.
    QCOMPARE(chunks.size(), 4);
    QCOMPARE(chunks.at(0).size(), 65536);
    QCOMPARE(chunks.at(1).size(), 100000 - 65536);
    QCOMPARE(chunks.at(2).size(), 50000);
    QVERIFY(chunks.last().isEmpty());
    QCOMPARE(chunks.join(), payload);

    QSignalSpy finished(&reply, &QNetworkReply::finished);
    peer->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    QVERIFY(finished.wait());
    QCOMPARE(reply.error(), QNetworkReply::NoError);
    QCOMPARE(reply.readAll(), QByteArray("ok"));
}

QTEST_GUILESS_MAIN(TestHttpRequestWriter)
#include "TestHttpRequestWriter.moc"
