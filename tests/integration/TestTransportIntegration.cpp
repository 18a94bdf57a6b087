#include "core/transport/DockerNetworkAccessManager.h"
#include "support/OtherUser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using occ::DockerEndpoint;
using occ::DockerNetworkAccessManager;
using occ::TransportError;
using occ::TransportErrorAttribute;

namespace {

const QString EngineSocket = QStringLiteral("/var/run/docker.sock");

struct Result
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    TransportError cause = TransportError::None;
    int status = 0;
    QByteArray body;
    QString errorString;
    QByteArray apiVersion;
};

Result fetch(const DockerEndpoint& endpoint, const QString& path, const QByteArray& verb = "GET")
{
    DockerNetworkAccessManager nam(endpoint);
    QNetworkRequest request = nam.engineRequest(path);
    request.setTransferTimeout(20000);
    QScopedPointer<QNetworkReply> reply(nam.sendCustomRequest(request, verb));
    Result r;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply.data(), &QNetworkReply::finished);
        if (!finished.wait(30000)) {
            r.errorString = QStringLiteral("no finished() within 30 s");
            r.error = QNetworkReply::UnknownNetworkError;
            return r;
        }
    }
    r.error = reply->error();
    r.cause = TransportError(reply->attribute(TransportErrorAttribute).toInt());
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.errorString = reply->errorString();
    r.apiVersion = reply->rawHeader("Api-Version");
    return r;
}

// Starts socat listening with LISTEN (its "%1" is the port, picked here) and relaying every connection to
// the engine's socket; returns the port once it accepts connections, 0 when socat did not start.
quint16 startEngineRelay(QProcess* socat, const QString& listen)
{
    QTcpServer portFinder;
    portFinder.listen(QHostAddress::LocalHost);
    const quint16 port = portFinder.serverPort();
    portFinder.close();
    socat->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    socat->start(QStringLiteral("socat"), {listen.arg(port), QStringLiteral("UNIX-CONNECT:") + EngineSocket});
    if (!socat->waitForStarted()) {
        return 0;
    }
    for (int i = 0; i < 50; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200)) {
            return port;
        }
        QTest::qWait(100);
    }
    return 0;
}

DockerEndpoint unixEndpoint(const QString& path)
{
    const auto e = DockerEndpoint::parse(QStringLiteral("unix://") + path);
    Q_ASSERT(e);
    return *e;
}

// `TestTransportIntegration --probe URL`: one GET /_ping, prints "<NetworkError> <TransportError>". The
// permission test runs it as an unprivileged user, since root opens any socket whatever its mode.
int probe(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    const auto endpoint = DockerEndpoint::parse(QString::fromLocal8Bit(argv[2]), &error);
    if (!endpoint) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const Result r = fetch(*endpoint, QStringLiteral("/_ping"));
    std::printf("%d %d\n", int(r.error), int(r.cause));
    std::fprintf(stderr, "%s\n", qPrintable(r.errorString));
    return 0;
}

} // namespace

class TestTransportIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pingAnswersOkWithApiVersion();
    void headPingHasNoBody();
    void versionIsJson();
    void missingContainerIs404WithReadableBody();
    void streamingLogsOfAMissingContainerFailsCleanly();
    void missingSocketIsEngineMissing();
    void socketWeMayNotOpenIsPermissionDenied();
    void tcpReachesTheEngine();
    void tcpToAClosedPortIsConnectionRefused();
    void tcpWithTlsVerifyUsesTheClientCertificates();
    void sshReachesTheEngine();
    void sshThatCannotConnectIsSshFailed();

private:
    QString m_sshDir;
};

void TestTransportIntegration::initTestCase()
{
    QVERIFY2(QFileInfo::exists(EngineSocket), "these tests need the engine at /var/run/docker.sock");
}

void TestTransportIntegration::pingAnswersOkWithApiVersion()
{
    const Result r = fetch(unixEndpoint(EngineSocket), "/_ping");
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("OK"));
    QVERIFY2(r.apiVersion.startsWith("1."), r.apiVersion.constData());
}

void TestTransportIntegration::headPingHasNoBody()
{
    const Result r = fetch(unixEndpoint(EngineSocket), "/_ping", "HEAD");
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray());
}

void TestTransportIntegration::versionIsJson()
{
    const Result r = fetch(unixEndpoint(EngineSocket), "/version");
    QCOMPARE(r.status, 200);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
    QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
    QVERIFY(!doc.object().value("ApiVersion").toString().isEmpty());
    QVERIFY(!doc.object().value("Version").toString().isEmpty());
}

void TestTransportIntegration::missingContainerIs404WithReadableBody()
{
    const Result r = fetch(unixEndpoint(EngineSocket), "/v1.41/containers/occ-tr-nonexistent-xyz/json");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.error, QNetworkReply::ContentNotFoundError);
    QCOMPARE(r.cause, TransportError::None);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QVERIFY2(body.value("message").toString().contains("No such container"), r.body.constData());
}

void TestTransportIntegration::streamingLogsOfAMissingContainerFailsCleanly()
{
    // A stream request (no timeout) still ends when the engine answers with an error.
    DockerNetworkAccessManager nam(unixEndpoint(EngineSocket));
    QNetworkRequest req = nam.engineRequest("/v1.41/containers/occ-tr-nonexistent-xyz/logs?follow=1&stdout=1");
    req.setTransferTimeout(0);
    QScopedPointer<QNetworkReply> reply(nam.get(req));
    QSignalSpy finished(reply.data(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(finished.count(), 1);
}

void TestTransportIntegration::missingSocketIsEngineMissing()
{
    const Result r = fetch(unixEndpoint("/var/run/occ-tr-no-such-engine.sock"), "/_ping");
    QCOMPARE(r.error, QNetworkReply::HostNotFoundError);
    QCOMPARE(r.cause, TransportError::EngineMissing);
}

void TestTransportIntegration::socketWeMayNotOpenIsPermissionDenied()
{
    QString output;
    if (::geteuid() == 0) {
        // The real engine socket is root:docker 0660; `nobody` is in neither.
        QTemporaryDir bin;
        const QString self = occ::test::executableForOtherUsers(QCoreApplication::applicationFilePath(), bin);
        QVERIFY(!self.isEmpty());
        QProcess p;
        p.start("runuser", {"-u", "nobody", "--", self, "--probe", "unix://" + EngineSocket});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        output = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    } else {
        // Not root: file modes apply to us, so a socket of our own with mode 000 shows the same thing.
        QTemporaryDir dir;
        QLocalServer server;
        QVERIFY(server.listen(dir.path() + "/locked.sock"));
        QVERIFY(QFile::setPermissions(dir.path() + "/locked.sock", QFile::Permissions()));
        const Result r = fetch(unixEndpoint(dir.path() + "/locked.sock"), "/_ping");
        output = QStringLiteral("%1 %2").arg(int(r.error)).arg(int(r.cause));
    }
    QCOMPARE(output,
             QStringLiteral("%1 %2")
                 .arg(int(QNetworkReply::ContentAccessDenied))
                 .arg(int(TransportError::PermissionDenied)));
}

void TestTransportIntegration::tcpReachesTheEngine()
{
    // socat stands in for an engine listening on tcp: it forwards each connection to the real socket.
    QProcess socat;
    const quint16 port = startEngineRelay(&socat, QStringLiteral("TCP-LISTEN:%1,bind=127.0.0.1,reuseaddr,fork"));
    QVERIFY2(port != 0, "socat is needed (apt-get install socat)");

    const auto endpoint = DockerEndpoint::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(port));
    QVERIFY(endpoint);
    Result r = fetch(*endpoint, "/_ping");
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("OK"));
    QVERIFY(r.apiVersion.startsWith("1."));

    r = fetch(*endpoint, "/v1.41/containers/occ-tr-nonexistent-xyz/json");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.error, QNetworkReply::ContentNotFoundError);
    QCOMPARE(r.cause, TransportError::None);
    QVERIFY(r.body.contains("No such container"));

    socat.terminate();
    QVERIFY(socat.waitForFinished(5000));
}

void TestTransportIntegration::tcpToAClosedPortIsConnectionRefused()
{
    QTcpServer portFinder;
    QVERIFY(portFinder.listen(QHostAddress::LocalHost));
    const quint16 port = portFinder.serverPort();
    portFinder.close();
    const auto endpoint = DockerEndpoint::parse(QStringLiteral("tcp://127.0.0.1:%1").arg(port));
    const Result r = fetch(*endpoint, "/_ping");
    QCOMPARE(r.error, QNetworkReply::ConnectionRefusedError);
    QCOMPARE(r.cause, TransportError::ConnectionRefused);
}

namespace {

// A CA, a server certificate for 127.0.0.1 and a client certificate, made the way Docker's "Protect the
// daemon socket" guide makes them. The client's go in DIR as ca.pem, cert.pem and key.pem (what
// DOCKER_CERT_PATH holds); the server's as server-cert.pem and server-key.pem.
bool makeEnginePki(const QString& dir, const QString& caName = QStringLiteral("occ-test-engine-ca"))
{
    auto openssl = [&dir](const QStringList& args) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    };
    QFile ext(dir + QStringLiteral("/ext.cnf"));
    if (!ext.open(QIODevice::WriteOnly)) {
        return false;
    }
    ext.write("[server]\nsubjectAltName = IP:127.0.0.1,DNS:localhost\nextendedKeyUsage = serverAuth\n"
              "[client]\nextendedKeyUsage = clientAuth\n");
    ext.close();
    return openssl({"req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=" + caName})
        && openssl({"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                    "server-key.pem", "-out", "server.csr", "-subj", "/CN=127.0.0.1"})
        && openssl({"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                    "-out", "server-cert.pem", "-days", "2", "-extfile", "ext.cnf", "-extensions", "server"})
        && openssl({"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "client.csr", "-subj",
                    "/CN=occ-client"})
        && openssl({"x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                    "-out", "cert.pem", "-days", "2", "-extfile", "ext.cnf", "-extensions", "client"});
}

} // namespace

void TestTransportIntegration::tcpWithTlsVerifyUsesTheClientCertificates()
{
    // dockerd --tlsverify, stood in for by socat: TLS with the server certificate, and only clients
    // whose certificate the CA signed get through to the real engine's socket.
    QTemporaryDir pki;
    QVERIFY(pki.isValid());
    QVERIFY2(makeEnginePki(pki.path()), "openssl could not make the test PKI");
    QProcess socat;
    const quint16 port = startEngineRelay(&socat,
                                          QStringLiteral("OPENSSL-LISTEN:%1,bind=127.0.0.1,reuseaddr,fork,"
                                                         "cert=%2/server-cert.pem,key=%2/server-key.pem,"
                                                         "cafile=%2/ca.pem,verify=1")
                                              .arg(QStringLiteral("%1"), pki.path()));
    QVERIFY2(port != 0, "socat is needed (apt-get install socat)");

    // Resolved from the environment, as `docker` does with DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH.
    auto resolveWith = [port](const QString& certPath) {
        QProcessEnvironment env;
        env.insert("DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:%1").arg(port));
        env.insert("DOCKER_TLS_VERIFY", "1");
        env.insert("DOCKER_CERT_PATH", certPath);
        return DockerEndpoint::resolve(env, QDir::homePath());
    };
    const auto endpoint = resolveWith(pki.path());
    QVERIFY(endpoint && endpoint->tls && endpoint->tlsVerify);
    Result r = fetch(*endpoint, "/_ping");
    QVERIFY2(r.error == QNetworkReply::NoError, qPrintable(r.errorString));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("OK"));
    r = fetch(*endpoint, "/v1.41/containers/occ-tr-nonexistent-xyz/json");
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.contains("No such container"));
    // The docker CLI accepts the same endpoint with the same environment: it is a fair stand-in.
    QProcess cli;
    QProcessEnvironment cliEnv = QProcessEnvironment::systemEnvironment();
    cliEnv.insert("DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:%1").arg(port));
    cliEnv.insert("DOCKER_TLS_VERIFY", "1");
    cliEnv.insert("DOCKER_CERT_PATH", pki.path());
    cli.setProcessEnvironment(cliEnv);
    cli.start("docker", {"version", "--format", "{{.Server.APIVersion}}"});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY(cli.readAllStandardOutput().startsWith("1."));

    // Without a client certificate the engine side hangs up during the handshake.
    QTemporaryDir caOnly;
    QVERIFY(QFile::copy(pki.filePath("ca.pem"), caOnly.filePath("ca.pem")));
    r = fetch(*resolveWith(caOnly.path()), "/_ping");
    QVERIFY2(r.error != QNetworkReply::NoError && r.status == 0, qPrintable(r.errorString));

    // An engine whose certificate our CA did not sign is refused by us: a TLS error, not a 200.
    QTemporaryDir otherCa;
    QVERIFY(makeEnginePki(otherCa.path(), QStringLiteral("someone-else")));
    for (const char* file : {"cert.pem", "key.pem"}) { // our client identity, their CA
        QFile::remove(otherCa.filePath(file));
        QVERIFY(QFile::copy(pki.filePath(file), otherCa.filePath(file)));
    }
    r = fetch(*resolveWith(otherCa.path()), "/_ping");
    QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(r.cause, TransportError::TlsError);

    // No CA at all under DOCKER_TLS_VERIFY: refused before connecting, with the path in the message.
    QTemporaryDir empty;
    r = fetch(*resolveWith(empty.path()), "/_ping");
    QCOMPARE(r.cause, TransportError::TlsError);
    QVERIFY2(r.errorString.contains(empty.path() + "/ca.pem"), qPrintable(r.errorString));

    socat.terminate();
    QVERIFY(socat.waitForFinished(5000));
}

void TestTransportIntegration::sshReachesTheEngine()
{
    QTemporaryDir dir;
    QProcess harness;
    harness.start("bash", {OCC_SOURCE_DIR "/tests/harness/ssh-localhost.sh", "up", dir.path()});
    QVERIFY(harness.waitForFinished(300000));
    QVERIFY2(harness.exitCode() == 0, harness.readAllStandardError().constData());
    const int port = harness.readAllStandardOutput().trimmed().toInt();
    QVERIFY(port > 0);
    auto stopSshd = qScopeGuard([&dir] {
        QProcess::execute("bash", {OCC_SOURCE_DIR "/tests/harness/ssh-localhost.sh", "down", dir.path()});
    });

    auto endpoint = DockerEndpoint::parse(QStringLiteral("ssh://root@127.0.0.1:%1").arg(port));
    QVERIFY(endpoint);
    endpoint->sshOptions = QStringList{"-i", dir.path() + "/id_ed25519",     "-o", "StrictHostKeyChecking=no",
                                       "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"};
    Result r = fetch(*endpoint, "/_ping");
    QVERIFY2(r.error == QNetworkReply::NoError, qPrintable(r.errorString));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("OK"));
    QVERIFY(r.apiVersion.startsWith("1."));

    r = fetch(*endpoint, "/v1.41/containers/occ-tr-nonexistent-xyz/json");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.error, QNetworkReply::ContentNotFoundError);

    // A key the server does not know: ssh itself fails, and says why.
    endpoint->sshOptions[1] = dir.path() + "/host_ed25519";
    r = fetch(*endpoint, "/_ping");
    QCOMPARE(r.cause, TransportError::SshFailed);
    QVERIFY2(r.errorString.contains("Permission denied"), qPrintable(r.errorString));
}

void TestTransportIntegration::sshThatCannotConnectIsSshFailed()
{
    QTcpServer portFinder;
    QVERIFY(portFinder.listen(QHostAddress::LocalHost));
    const quint16 port = portFinder.serverPort();
    portFinder.close();
    auto endpoint = DockerEndpoint::parse(QStringLiteral("ssh://root@127.0.0.1:%1").arg(port));
    QVERIFY(endpoint);
    endpoint->sshOptions = QStringList{"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"};
    const Result r = fetch(*endpoint, "/_ping");
    QCOMPARE(r.cause, TransportError::SshFailed);
    QVERIFY2(r.errorString.contains("Connection refused"), qPrintable(r.errorString));
}

int main(int argc, char** argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--probe") == 0) {
        return probe(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestTransportIntegration test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestTransportIntegration.moc"
