#include "cli/HintText.h"
#include "core/docker/DockerError.h"

#include <QTest>

using occ::DockerError;
using occ::TransportError;
using Category = DockerError::Category;

class TestDockerError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapping_data();
    void mapping();
    void defaultIsNoError();
    void adviceFitsTheEndpoint_data();
    void adviceFitsTheEndpoint();
    void engineUnavailableCategories();
};

void TestDockerError::mapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("nameConflict");
    QTest::addColumn<bool>("portInUse");
    QTest::addColumn<QString>("advice"); // what the CLI must tell the user (userMessage() and its hints)

    const int none = int(TransportError::None);
    QTest::newRow("a missing socket means no engine, and says how to start or install one")
        << 0 << int(TransportError::EngineMissing) << QByteArray() << int(Category::NoEngine)
        << QStringLiteral("transport says") << false << false << QStringLiteral("sudo systemctl start docker");
    QTest::newRow("no engine names the endpoint")
        << 0 << int(TransportError::ConnectionRefused) << QByteArray() << int(Category::NoEngine)
        << QStringLiteral("transport says") << false << false << QStringLiteral("unix:///var/run/docker.sock");
    QTest::newRow("no engine offers occ setup")
        << 0 << int(TransportError::EngineMissing) << QByteArray() << int(Category::NoEngine)
        << QStringLiteral("transport says") << false << false << QStringLiteral("occ setup");
    QTest::newRow("permission denied tells to join the docker group")
        << 0 << int(TransportError::PermissionDenied) << QByteArray() << int(Category::PermissionDenied)
        << QStringLiteral("transport says") << false << false << QStringLiteral("sudo usermod -aG docker $USER");
    QTest::newRow("permission denied names the socket path")
        << 0 << int(TransportError::PermissionDenied) << QByteArray() << int(Category::PermissionDenied)
        << QStringLiteral("transport says") << false << false << QStringLiteral("on /var/run/docker.sock");
    QTest::newRow("a timeout is Timeout")
        << 0 << int(TransportError::Timeout) << QByteArray() << int(Category::Timeout)
        << QStringLiteral("transport says") << false << false << QStringLiteral("did not answer in time");
    QTest::newRow("a connection cut mid-body wins over the status it had")
        << 200 << int(TransportError::ConnectionClosed) << QByteArray("{\"partial") << int(Category::Connection)
        << QStringLiteral("transport says") << false << false << QStringLiteral("docker info");
    QTest::newRow("a TLS failure is a connection error")
        << 0 << int(TransportError::TlsError) << QByteArray() << int(Category::Connection)
        << QStringLiteral("transport says") << false << false << QStringLiteral("broke");
    QTest::newRow("404 is NotFound with the engine's message")
        << 404 << none << QByteArray(R"({"message":"No such container: occ-x"})") << int(Category::NotFound)
        << QStringLiteral("No such container: occ-x") << false << false << QStringLiteral("No such container: occ-x");
    QTest::newRow("409 name in use is a name conflict")
        << 409 << none
        << QByteArray(R"({"message":"Conflict. The container name \"/occ\" is already in use by container \"abc\". )"
                      R"(You have to remove (or rename) that container to be able to reuse that name."})")
        << int(Category::Conflict)
        << QStringLiteral("Conflict. The container name \"/occ\" is already in use by container \"abc\". You have to "
                          "remove (or rename) that container to be able to reuse that name.")
        << true << false << QStringLiteral("service.container_name");
    QTest::newRow("409 for another reason is no name conflict")
        << 409 << none << QByteArray(R"({"message":"removal of container abc is already in progress"})")
        << int(Category::Conflict) << QStringLiteral("removal of container abc is already in progress") << false
        << false << QStringLiteral("try again");
    QTest::newRow("400 client version too new is ApiVersion")
        << 400 << none
        << QByteArray(R"({"message":"client version 1.47 is too new. Maximum supported API version is 1.41"})")
        << int(Category::ApiVersion)
        << QStringLiteral("client version 1.47 is too new. Maximum supported API version is 1.41") << false << false
        << QStringLiteral("Update Docker");
    QTest::newRow("400 client version too old is ApiVersion")
        << 400 << none
        << QByteArray(R"({"message":"client version 1.12 is too old. Minimum supported API version is 1.24, )"
                      R"(please upgrade your client to a newer version"})")
        << int(Category::ApiVersion)
        << QStringLiteral("client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade "
                          "your client to a newer version")
        << false << false << QStringLiteral("Update Docker");
    QTest::newRow("any other 400 is BadRequest")
        << 400 << none << QByteArray(R"({"message":"invalid reference format"})") << int(Category::BadRequest)
        << QStringLiteral("invalid reference format") << false << false << QStringLiteral("rejected");
    QTest::newRow("500 port already allocated stays Server but is recognisable")
        << 500 << none
        << QByteArray(R"({"message":"driver failed programming external connectivity on endpoint occ (abc): )"
                      R"(Bind for 127.0.0.1:4096 failed: port is already allocated"})")
        << int(Category::Server)
        << QStringLiteral("driver failed programming external connectivity on endpoint occ (abc): Bind for "
                          "127.0.0.1:4096 failed: port is already allocated")
        << false << true << QStringLiteral("occ config set network.port");
    QTest::newRow("500 address already in use is a port in use")
        << 500 << none
        << QByteArray(R"({"message":"Error starting userland proxy: listen tcp4 127.0.0.1:4096: bind: )"
                      R"(address already in use"})")
        << int(Category::Server)
        << QStringLiteral("Error starting userland proxy: listen tcp4 127.0.0.1:4096: bind: address already in use")
        << false << true << QStringLiteral("already in use by another program");
    QTest::newRow("any other 500 is Server and points at the engine's log")
        << 500 << none << QByteArray(R"({"message":"something broke"})") << int(Category::Server)
        << QStringLiteral("something broke") << false << false << QStringLiteral("journalctl -u docker");
    QTest::newRow("a body that is not JSON is kept as the message")
        << 502 << none << QByteArray("<html>Bad Gateway</html>\n") << int(Category::Server)
        << QStringLiteral("<html>Bad Gateway</html>") << false << false << QStringLiteral("Bad Gateway");
    QTest::newRow("an empty error body still says the status")
        << 503 << none << QByteArray() << int(Category::Server) << QStringLiteral("HTTP 503") << false << false
        << QStringLiteral("HTTP 503");
    QTest::newRow("304 is not an error") << 304 << none << QByteArray() << int(Category::None) << QString() << false
                                         << false << QString();
}

void TestDockerError::mapping()
{
    QFETCH(int, status);
    QFETCH(int, transport);
    QFETCH(QByteArray, body);
    QFETCH(int, category);
    QFETCH(QString, message);
    QFETCH(bool, nameConflict);
    QFETCH(bool, portInUse);
    QFETCH(QString, advice);

    const DockerError error =
        DockerError::fromParts(status, TransportError(transport), body, QStringLiteral("transport says"),
                               QStringLiteral("unix:///var/run/docker.sock"));
    QCOMPARE(DockerError::categoryName(error.category()), DockerError::categoryName(Category(category)));
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.message(), message);
    QCOMPARE(error.isNameConflict(), nameConflict);
    QCOMPARE(error.isPortInUse(), portInUse);
    const QString text = occ::cli::HintText::describe(error);
    QVERIFY2(text.contains(advice), qPrintable(text));
    QCOMPARE(error.isError(), category != int(Category::None));
}

void TestDockerError::defaultIsNoError()
{
    DockerError error;
    QVERIFY(!error.isError());
    QVERIFY(error.userMessage().isEmpty());
    const DockerError noEngine(Category::NoEngine, QStringLiteral("x"));
    QVERIFY(noEngine.userMessage().contains(QLatin1String("unix:///var/run/docker.sock")));
}

void TestDockerError::adviceFitsTheEndpoint_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("advice"); // must be in what the CLI says
    QTest::addColumn<QString>("notAdvice"); // must not be

    const int missing = int(TransportError::EngineMissing);
    const int timeout = int(TransportError::Timeout);
    const int ssh = int(TransportError::SshFailed);
    const int tls = int(TransportError::TlsError);
    const QString unix = QStringLiteral("unix:///run/user/1000/docker.sock");
    const QString tcp = QStringLiteral("tcp://build.example:2376");
    const QString sshHost = QStringLiteral("ssh://alice@build.example:2222");
    QTest::newRow("a local socket without an engine: start Docker here")
        << unix << missing << QStringLiteral("sudo systemctl start docker") << QStringLiteral("ssh ");
    QTest::newRow("a tcp engine that does not answer: check host, port and TLS, not systemctl")
        << tcp << missing << QStringLiteral("Check the host and port") << QStringLiteral("systemctl");
    QTest::newRow("a tcp engine's advice names TLS")
        << tcp << missing << QStringLiteral("TLS") << QStringLiteral("systemctl");
    QTest::newRow("an ssh engine that does not answer: try docker version over ssh, with the port")
        << sshHost << missing << QStringLiteral("`ssh -p 2222 alice@build.example docker version`")
        << QStringLiteral("systemctl");
    QTest::newRow("a silent local engine: restart it here")
        << unix << timeout << QStringLiteral("sudo systemctl restart docker") << QStringLiteral("ssh ");
    QTest::newRow("a silent tcp engine: no systemctl")
        << tcp << timeout << QStringLiteral("firewall") << QStringLiteral("systemctl");
    QTest::newRow("a silent ssh engine: try docker version over ssh")
        << sshHost << timeout << QStringLiteral("docker version") << QStringLiteral("systemctl");
    QTest::newRow("an ssh connection that fails: try docker version over ssh")
        << sshHost << ssh << QStringLiteral("docker version") << QStringLiteral("systemctl");
    QTest::newRow("a TLS failure on tcp names the TLS settings")
        << tcp << tls << QStringLiteral("DOCKER_CERT_PATH") << QStringLiteral("systemctl");
    QTest::newRow("a named pipe without an engine: start Docker Desktop")
        << QStringLiteral("npipe:////./pipe/docker_engine") << missing << QStringLiteral("Docker Desktop")
        << QStringLiteral("systemctl");
}

void TestDockerError::adviceFitsTheEndpoint()
{
    QFETCH(QString, endpoint);
    QFETCH(int, transport);
    QFETCH(QString, advice);
    QFETCH(QString, notAdvice);
    const DockerError error =
        DockerError::fromParts(0, TransportError(transport), {}, QStringLiteral("transport says"), endpoint);
    const QString text = occ::cli::HintText::describe(error);
    QVERIFY2(text.contains(advice), qPrintable(text));
    QVERIFY2(!text.contains(notAdvice), qPrintable(text));
    QVERIFY2(text.contains(endpoint), qPrintable(text)); // it names where it looked
}

void TestDockerError::engineUnavailableCategories()
{
    for (Category c : {Category::NoEngine, Category::PermissionDenied, Category::ApiVersion, Category::Timeout,
                       Category::Connection}) {
        QVERIFY2(DockerError(c, QStringLiteral("x")).isEngineUnavailable(), qPrintable(DockerError::categoryName(c)));
    }
    for (Category c : {Category::None, Category::NotFound, Category::Conflict, Category::BadRequest, Category::Server,
                       Category::Parse, Category::Cancelled}) {
        QVERIFY2(!DockerError(c, QStringLiteral("x")).isEngineUnavailable(), qPrintable(DockerError::categoryName(c)));
    }
}

QTEST_GUILESS_MAIN(TestDockerError)
#include "TestDockerError.moc"
