#include "core/transport/HttpResponseParser.h"

#include <QTest>

using occ::HttpResponseParser;

namespace {

// Everything a caller can observe after feeding a response; equal for every way the bytes are split.
struct Outcome
{
    bool error = false;
    QString errorString;
    bool headersComplete = false;
    bool complete = false;
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QPair<QByteArray, QByteArray>> trailers;

    bool operator==(const Outcome& o) const
    {
        return error == o.error && errorString == o.errorString && headersComplete == o.headersComplete
            && complete == o.complete && status == o.status && body == o.body && headers == o.headers
            && trailers == o.trailers;
    }
};

char* toString(const Outcome& o)
{
    return qstrdup(QStringLiteral("error=%1 (%2) headers=%3 complete=%4 status=%5 body=%6")
                       .arg(o.error)
                       .arg(o.errorString)
                       .arg(o.headersComplete)
                       .arg(o.complete)
                       .arg(o.status)
                       .arg(QString::fromLatin1(o.body.left(60).toPercentEncoding()))
                       .toLocal8Bit()
                       .constData());
}

Outcome run(const QList<QByteArray>& pieces, bool head, bool eof)
{
    HttpResponseParser parser;
    parser.setHeadRequest(head);
    Outcome o;
    for (const QByteArray& piece : pieces) {
        if (!parser.feed(piece)) {
            break;
        }
        o.body += parser.takeBody();
    }
    if (eof && !parser.hasError()) {
        parser.finish();
    }
    o.body += parser.takeBody();
    o.error = parser.hasError();
    o.errorString = parser.errorString();
    o.headersComplete = parser.headersComplete();
    o.complete = parser.messageComplete();
    o.status = parser.statusCode();
    o.headers = parser.headers();
    o.trailers = parser.trailers();
    return o;
}

QByteArray bigHeaderBlock()
{
    QByteArray r = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; r.size() <= HttpResponseParser::MaxHeaderBytes; ++i) {
        r += "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(2000, 'a') + "\r\n";
    }
    return r + "Content-Length: 0\r\n\r\n";
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void bodyArrivesIncrementally();
    void oneByteOverTheHeaderLimitFails();
};

void TestHttpResponseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("head");
    QTest::addColumn<bool>("eof"); // the peer closes after the input
    QTest::addColumn<bool>("complete");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::addColumn<QString>("error"); // a substring of errorString(); empty = must not fail

    QTest::newRow("a Content-Length body is read exactly and bytes after it are ignored")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloEXTRA") << false
        << false << true << 200 << QByteArray("hello") << QByteArray("content-type") << QByteArray("text/plain")
        << QString();
    QTest::newRow("a chunked body with extensions and trailers is decoded")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=val\r\nhello\r\n"
                      "6 ; x=\"y\"\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Checksum: abc\r\n\r\n")
        << false << false << true << 200 << QByteArray("hello world0123456789") << QByteArray("Transfer-Encoding")
        << QByteArray("chunked") << QString();
    QTest::newRow("a chunked body is not complete without its last chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n") << false << false << false
        << 200 << QByteArray("hello") << QByteArray() << QByteArray() << QString();
    QTest::newRow("a close-delimited body ends when the connection closes")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\nraw bytes\r\n")
        << false << true << true << 200 << QByteArray("raw bytes\r\n") << QByteArray() << QByteArray() << QString();
    QTest::newRow("a close-delimited body is not complete while the connection is open")
        << QByteArray("HTTP/1.0 200 OK\r\n\r\npartial") << false << false << false << 200 << QByteArray("partial")
        << QByteArray() << QByteArray() << QString();
    QTest::newRow("interim 100 and 103 responses are skipped")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                      "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}")
        << false << false << true << 201 << QByteArray("{}") << QByteArray("Link") << QByteArray() << QString();
    QTest::newRow("101 Switching Protocols hands over a raw stream until close")
        << QByteArray("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n\x01\x00\x00\x00", 64)
        << false << true << true << 101 << QByteArray("\x01\x00\x00\x00", 4) << QByteArray("upgrade")
        << QByteArray("tcp") << QString();
    QTest::newRow("a 204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\nServer: Docker\r\n\r\n") << false
                                       << false << true << 204 << QByteArray() << QByteArray("server")
                                       << QByteArray("Docker") << QString();
    QTest::newRow("a 304 has no body despite its Content-Length")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n") << false << false << true << 304
        << QByteArray() << QByteArray() << QByteArray() << QString();
    QTest::newRow("a HEAD response has no body despite its Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n") << true << false << true << 200 << QByteArray()
        << QByteArray("content-length") << QByteArray("100") << QString();
    QTest::newRow("duplicate headers fold into one comma-separated value, names case-insensitive")
        << QByteArray("HTTP/1.1 200 OK\r\nWarning: one\r\ncontent-length: 0\r\nWARNING:   two  \r\n\r\n") << false
        << false << true << 200 << QByteArray() << QByteArray("warning") << QByteArray("one, two") << QString();
    QTest::newRow("identical repeated Content-Length values are accepted")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc") << false << false << true
        << 200 << QByteArray("abc") << QByteArray() << QByteArray() << QString();
    QTest::newRow("bare LF line endings are accepted")
        << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << false << false << true << 200 << QByteArray("ok")
        << QByteArray() << QByteArray() << QString();
    QTest::newRow("a status line that is not HTTP/1.x is rejected")
        << QByteArray("HTTP/2 200 OK\r\n\r\n") << false << false << false << 0 << QByteArray() << QByteArray()
        << QByteArray() << QString("bad status line");
    QTest::newRow("a status code that is not three digits is rejected")
        << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false << false << false << 0 << QByteArray() << QByteArray()
        << QByteArray() << QString("bad status code");
    QTest::newRow("a header line without a colon is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n") << false << false << false << 200 << QByteArray()
        << QByteArray() << QByteArray() << QString("bad header line");
    QTest::newRow("whitespace before a header's colon is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length : 1\r\n\r\nx") << false << false << false << 200
        << QByteArray() << QByteArray() << QByteArray() << QString("bad header name");
    QTest::newRow("a chunk size that is not hex is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n") << false << false
        << false << 200 << QByteArray() << QByteArray() << QByteArray() << QString("bad chunk size");
    QTest::newRow("chunk data longer than its declared size is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n") << false << false
        << false << 200 << QByteArray("he") << QByteArray() << QByteArray() << QString("longer than its size");
    QTest::newRow("a negative Content-Length is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << false << false << 200 << QByteArray()
        << QByteArray() << QByteArray() << QString("bad Content-Length");
    QTest::newRow("a garbage Content-Length is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n") << false << false << false << 200
        << QByteArray() << QByteArray() << QByteArray() << QString("bad Content-Length");
    QTest::newRow("conflicting Content-Length values are rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << false << false
        << false << 200 << QByteArray() << QByteArray() << QByteArray() << QString("conflicting Content-Length");
    QTest::newRow("Content-Length together with chunked coding is rejected")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        << false << false << false << 200 << QByteArray() << QByteArray() << QByteArray()
        << QString("both Content-Length and Transfer-Encoding");
    QTest::newRow("a header block larger than 64 KiB is rejected")
        << bigHeaderBlock() << false << false << false << 200 << QByteArray() << QByteArray() << QByteArray()
        << QString("header block larger than");
    QTest::newRow("a connection closed mid-body is an error")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << false << true << false << 200
        << QByteArray("abc") << QByteArray() << QByteArray() << QString("closed mid-response");
    QTest::newRow("a connection closed before any byte is an error")
        << QByteArray() << false << true << false << 0 << QByteArray() << QByteArray() << QByteArray()
        << QString("before any response");
}

void TestHttpResponseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, head);
    QFETCH(bool, eof);
    QFETCH(bool, complete);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, headerValue);
    QFETCH(QString, error);

    const Outcome whole = run({input}, head, eof);
    QCOMPARE(whole.error, !error.isEmpty());
    if (!error.isEmpty()) {
        QVERIFY2(whole.errorString.contains(error), qPrintable(whole.errorString));
    }
    QCOMPARE(whole.complete, complete);
    QCOMPARE(whole.status, status);
    QCOMPARE(whole.body, body);
    if (!headerName.isEmpty()) {
        HttpResponseParser p;
        p.setHeadRequest(head);
        p.feed(input);
        QCOMPARE(p.header(headerName), headerValue);
    }

    // Split at every byte position: the result may not depend on how the bytes arrive.
    for (int i = 0; i <= input.size(); ++i) {
        const Outcome split = run({input.left(i), input.mid(i)}, head, eof);
        if (!(split == whole)) {
            QFAIL(
                qPrintable(QStringLiteral("split at %1: %2 vs whole %3").arg(i).arg(toString(split), toString(whole))));
        }
    }
    QList<QByteArray> bytes;
    for (char c : input) {
        bytes.append(QByteArray(1, c));
    }
    QCOMPARE(run(bytes, head, eof), whole);
}

void TestHttpResponseParser::bodyArrivesIncrementally()
{
    HttpResponseParser p;
    QVERIFY(p.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
    QVERIFY(p.headersComplete());
    QCOMPARE(p.takeBody(), QByteArray());
    QVERIFY(p.feed("a\r\n01234"));
    QCOMPARE(p.takeBody(), QByteArray("01234"));
    QVERIFY(p.feed("56789\r\n"));
    QCOMPARE(p.takeBody(), QByteArray("56789"));
    QVERIFY(!p.messageComplete());
    QVERIFY(p.feed("0\r\n\r\n"));
    QVERIFY(p.messageComplete());
}

void TestHttpResponseParser::oneByteOverTheHeaderLimitFails()
{
    // Exactly at the limit passes, one byte more fails: the limit is where the header says it is.
    const QByteArray start = "HTTP/1.1 204 No Content\r\n";
    const QByteArray end = "\r\n";
    const int fill = HttpResponseParser::MaxHeaderBytes - start.size() - end.size() - 5; // "X: " + CRLF
    const QByteArray atLimit = start + "X: " + QByteArray(fill, 'v') + "\r\n" + end;
    QCOMPARE(atLimit.size(), HttpResponseParser::MaxHeaderBytes);
    HttpResponseParser ok;
    QVERIFY2(ok.feed(atLimit), qPrintable(ok.errorString()));
    QVERIFY(ok.messageComplete());
    const QByteArray over = start + "X: " + QByteArray(fill + 1, 'v') + "\r\n" + end;
    HttpResponseParser bad;
    QVERIFY(!bad.feed(over));
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "TestHttpResponseParser.moc"
