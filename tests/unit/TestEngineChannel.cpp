#include "core/transport/DockerNetworkAccessManager.h"
#include "core/transport/HttpIoDeviceReply.h"
#include "core/transport/LocalSocketChannel.h"
#include "core/transport/ProcessChannel.h"

#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using occ::ChannelFailure;
using occ::DockerEndpoint;
using occ::LocalSocketChannel;
using occ::ProcessChannel;
using occ::TransportError;

Q_DECLARE_METATYPE(QLocalSocket::LocalSocketError)

// Each channel maps its own failures to the transport's categories (what DockerError turns into advice).
// Real sockets and processes where this machine can produce the failure; the mapping table for the rest
// (permission denied needs a user other than root: TestTransportIntegration runs that one as nobody).
class TestEngineChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void socketErrorsMapToCauses_data();
    void socketErrorsMapToCauses();
    void missingSocketFailsAsEngineMissing();
    void namedPipeNameIsWindowsStyle();
    void sshArgumentsNeverPrompt();
    void sshThatExitsWithAMessageFailsWithIt();
    void sshThatCannotStartIsSshFailed();
    void channelEndAfterAnAnswerIsTheEndOfTheBody();

private:
    static TransportError cause(QNetworkReply* reply)
    {
        return TransportError(reply->attribute(occ::TransportErrorAttribute).toInt());
    }
};

void TestEngineChannel::socketErrorsMapToCauses_data()
{
    QTest::addColumn<QLocalSocket::LocalSocketError>("error");
    QTest::addColumn<bool>("connected");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("cause");
    QTest::addColumn<QString>("words");

    QTest::newRow("a missing socket is no engine")
        << QLocalSocket::ServerNotFoundError << false << int(QNetworkReply::HostNotFoundError)
        << int(TransportError::EngineMissing) << "No Docker engine at /run/x.sock";
    QTest::newRow("a socket we may not open is permission denied")
        << QLocalSocket::SocketAccessError << false << int(QNetworkReply::ContentAccessDenied)
        << int(TransportError::PermissionDenied) << "docker group";
    QTest::newRow("a socket nobody listens on is refused")
        << QLocalSocket::ConnectionRefusedError << false << int(QNetworkReply::ConnectionRefusedError)
        << int(TransportError::ConnectionRefused) << "Nothing accepts connections on /run/x.sock";
    QTest::newRow("a connect that takes too long is a timeout")
        << QLocalSocket::SocketTimeoutError << false << int(QNetworkReply::TimeoutError) << int(TransportError::Timeout)
        << "timed out";
    QTest::newRow("another error before connecting says the socket's words")
        << QLocalSocket::UnknownSocketError << false << int(QNetworkReply::UnknownNetworkError)
        << int(TransportError::ConnectionRefused) << "Could not connect to /run/x.sock: socket says why";
    QTest::newRow("the peer closing is no failure")
        << QLocalSocket::PeerClosedError << true << int(QNetworkReply::NoError) << int(TransportError::None) << "";
    QTest::newRow("another error once connected is the engine's end, no failure")
        << QLocalSocket::UnknownSocketError << true << int(QNetworkReply::NoError) << int(TransportError::None) << "";
}

void TestEngineChannel::socketErrorsMapToCauses()
{
    QFETCH(QLocalSocket::LocalSocketError, error);
    QFETCH(bool, connected);
    QFETCH(int, code);
    QFETCH(int, cause);
    QFETCH(QString, words);

    const ChannelFailure f = LocalSocketChannel::failureFor(error, "/run/x.sock", "socket says why", connected);
    QCOMPARE(int(f.code), code);
    QCOMPARE(int(f.cause), cause);
    QCOMPARE(f.isNull(), code == QNetworkReply::NoError);
    QVERIFY2(f.message.contains(words), qPrintable(f.message));
}

void TestEngineChannel::missingSocketFailsAsEngineMissing()
{
    QTemporaryDir dir;
    LocalSocketChannel channel(dir.path() + "/nothing-here.sock");
    QSignalSpy failed(&channel, &LocalSocketChannel::failed);
    QSignalSpy opened(&channel, &LocalSocketChannel::opened);
    channel.open();
    QTRY_COMPARE(failed.count(), 1);
    const auto f = failed.first().first().value<ChannelFailure>();
    QCOMPARE(f.code, QNetworkReply::HostNotFoundError);
    QCOMPARE(f.cause, TransportError::EngineMissing);
    QVERIFY2(f.message.contains("nothing-here.sock"), qPrintable(f.message));
    QCOMPARE(opened.count(), 0);
}

void TestEngineChannel::namedPipeNameIsWindowsStyle()
{
    auto pipe = DockerEndpoint::parse("npipe:////./pipe/docker_engine");
    QVERIFY(pipe);
    QCOMPARE(LocalSocketChannel::serverNameFor(*pipe), QString("\\\\.\\pipe\\docker_engine"));
    auto unix = DockerEndpoint::parse("unix:///var/run/docker.sock");
    QVERIFY(unix);
    QCOMPARE(LocalSocketChannel::serverNameFor(*unix), QString("/var/run/docker.sock"));
}

void TestEngineChannel::sshArgumentsNeverPrompt()
{
    auto e = DockerEndpoint::parse("ssh://deploy@build.example:2222");
    QVERIFY(e);
    e->sshOptions = QStringList{"-i", "/k/id"};
    QCOMPARE(ProcessChannel::sshArguments(*e),
             (QStringList{"-i", "/k/id", "-o", "BatchMode=yes", "-p", "2222", "--", "deploy@build.example", "docker",
                          "system", "dial-stdio"}));
}

void TestEngineChannel::sshThatExitsWithAMessageFailsWithIt()
{
    // What ssh does for a host that refuses: a line on stderr, exit 255, no byte on stdout.
    auto* channel = new ProcessChannel(
        "sh", {"-c", "echo 'ssh: connect to host build.example port 22: Connection refused' >&2; exit 255"});
    QNetworkRequest request(QUrl("http://docker.engine/_ping"));
    request.setTransferTimeout(10000);
    occ::HttpIoDeviceReply reply(channel, "GET", request, nullptr);
    QSignalSpy finished(&reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply.error(), QNetworkReply::HostNotFoundError);
    QCOMPARE(cause(&reply), TransportError::SshFailed);
    QCOMPARE(reply.errorString(),
             QString("ssh failed (exit code 255): ssh: connect to host build.example port 22: Connection refused"));
}

void TestEngineChannel::sshThatCannotStartIsSshFailed()
{
    QTemporaryDir dir;
    auto* channel = new ProcessChannel(dir.path() + "/no-such-ssh", {});
    occ::HttpIoDeviceReply reply(channel, "GET", QNetworkRequest(QUrl("http://docker.engine/_ping")), nullptr);
    QSignalSpy finished(&reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply.error(), QNetworkReply::HostNotFoundError);
    QCOMPARE(cause(&reply), TransportError::SshFailed);
    QVERIFY2(reply.errorString().startsWith("Could not run ssh: "), qPrintable(reply.errorString()));
}

void TestEngineChannel::channelEndAfterAnAnswerIsTheEndOfTheBody()
{
    // dial-stdio answered (a close-delimited body, as attach gives) and then ssh exited non-zero: the answer
    // counts, the exit only ends the body.
    auto* channel = new ProcessChannel(
        "sh",
        {"-c",
         "head -c 10 >/dev/null; printf 'HTTP/1.1 200 OK\\r\\nConnection: close\\r\\n\\r\\nall of it'; "
         "echo 'connection closed' >&2; exit 1"});
    occ::HttpIoDeviceReply reply(channel, "GET", QNetworkRequest(QUrl("http://docker.engine/attach")), nullptr);
    QSignalSpy finished(&reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply.error(), QNetworkReply::NoError);
    QCOMPARE(reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply.readAll(), QByteArray("all of it"));
}

QTEST_GUILESS_MAIN(TestEngineChannel)
#include "TestEngineChannel.moc"
