#include "core/transport/DockerEndpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using occ::DockerEndpoint;
using Kind = DockerEndpoint::Kind;

Q_DECLARE_METATYPE(DockerEndpoint::Kind)

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(content);
}

QString contextHash(const QString& name)
{
    return QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void writeContext(const QString& home, const QString& name, const QByteArray& host, bool skipTlsVerify = false)
{
    const QByteArray meta = "{\"Name\":\"" + name.toUtf8() + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
        + host + "\",\"SkipTLSVerify\":" + (skipTlsVerify ? "true" : "false") + "}}}";
    writeFile(home + "/.docker/contexts/meta/" + contextHash(name) + "/meta.json", meta);
}

} // namespace

class TestDockerEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void parse_data();
    void parse();
    void contextDirectoryIsTheSha256OfItsName();
    void dockerHostWinsOverContexts();
    void dockerContextWinsOverConfigFile();
    void currentContextIsReadFromConfigJson();
    void dockerConfigMovesTheConfigDirectory();
    void defaultContextIsThePlatformDefault();
    void noConfigFileIsThePlatformDefault();
    void brokenConfigJsonIsAnError();
    void missingContextIsAnError();
    void contextWithoutHostIsAnError();
    void tlsEnvironmentTurnsOnTls();
    void contextTlsMaterialIsUsed();
    void sshOptionsComeFromTheEnvironment();

private:
    QScopedPointer<QTemporaryDir> m_home;
};

void TestDockerEndpoint::init()
{
    m_home.reset(new QTemporaryDir);
    QVERIFY(m_home->isValid());
}

void TestDockerEndpoint::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("a unix socket path is taken as is") << "unix:///var/run/docker.sock" << true << Kind::Unix
                                                       << "/var/run/docker.sock" << 0 << "unix:///var/run/docker.sock";
    QTest::newRow("a named pipe keeps its //./pipe/ form")
        << "npipe:////./pipe/docker_engine" << true << Kind::NamedPipe << "//./pipe/docker_engine" << 0
        << "npipe:////./pipe/docker_engine";
    QTest::newRow("ssh with user and port")
        << "ssh://me@build-box:2222" << true << Kind::Ssh << "me@build-box" << 2222 << "ssh://me@build-box:2222";
    QTest::newRow("ssh without port leaves it to ssh")
        << "ssh://build-box" << true << Kind::Ssh << "build-box" << 0 << "ssh://build-box";
    QTest::newRow("tcp with port") << "tcp://10.0.0.5:2376" << true << Kind::Tcp << "10.0.0.5" << 2376
                                   << "tcp://10.0.0.5:2376";
    QTest::newRow("tcp without port uses the docker CLI's 2375")
        << "tcp://engine.lan" << true << Kind::Tcp << "engine.lan" << 2375 << "tcp://engine.lan:2375";
    QTest::newRow("tcp to an IPv6 literal keeps its brackets in the URL")
        << "tcp://[::1]:2375" << true << Kind::Tcp << "::1" << 2375 << "tcp://[::1]:2375";
    QTest::newRow("ssh to an IPv6 literal keeps its brackets in the URL")
        << "ssh://[::]:3" << true << Kind::Ssh << "::" << 3 << "ssh://[::]:3";
    QTest::newRow("ssh with a user to an IPv6 literal keeps its brackets in the URL")
        << "ssh://me@[fe80::1]" << true << Kind::Ssh << "me@fe80::1" << 0 << "ssh://me@[fe80::1]";
    QTest::newRow("surrounding whitespace is ignored")
        << "  unix:///tmp/d.sock\n"
        << true << Kind::Unix << "/tmp/d.sock" << 0 << "unix:///tmp/d.sock";
    QTest::newRow("an empty host is rejected") << "" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("a unix URL without a path is rejected") << "unix://" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("a relative unix path is rejected") << "unix://docker.sock" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("an unknown scheme is rejected") << "fd://" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("a bare host name is rejected") << "localhost:2375" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("tcp without a host is rejected") << "tcp://:2375" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("a non-numeric port is rejected") << "tcp://host:abc" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("a port out of range is rejected") << "tcp://host:70000" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("a path after an ssh host is rejected")
        << "ssh://host/some/path" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("an ssh user with an encoded NUL is rejected (found by fuzzing)")
        << "ssh://a%00b@host" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("an ssh user with an encoded second @ is rejected")
        << "ssh://a%40b@host" << false << Kind::Unix << "" << 0 << "";
    QTest::newRow("an ssh host that ssh would read as an option is rejected")
        << "ssh://-oProxyCommand=x" << false << Kind::Unix << "" << 0 << "";
}

void TestDockerEndpoint::parse()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(Kind, kind);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, canonical);

    QString error;
    const auto e = DockerEndpoint::parse(url, &error);
    QCOMPARE(bool(e), ok);
    if (!ok) {
        QVERIFY2(!error.isEmpty(), "a rejected URL must say why");
        return;
    }
    QVERIFY(error.isEmpty());
    QCOMPARE(e->kind, kind);
    QCOMPARE(e->address, address);
    QCOMPARE(e->port, port);
    QCOMPARE(e->toUrlString(), canonical);
    // The canonical form parses back to the same endpoint.
    const auto again = DockerEndpoint::parse(canonical);
    QVERIFY(again);
    QCOMPARE(again->toUrlString(), canonical);
}

void TestDockerEndpoint::contextDirectoryIsTheSha256OfItsName()
{
    // The docker CLI's own directory for a context called "desktop-linux".
    QCOMPARE(contextHash("desktop-linux"), QString("fe9c6bd7a66301f49ca9b6a70b217107cd1284598bfc254700c989b916da791e"));
}

void TestDockerEndpoint::dockerHostWinsOverContexts()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext":"remote"})");
    writeContext(m_home->path(), "remote", "ssh://me@far");
    QProcessEnvironment env;
    env.insert("DOCKER_HOST", "unix:///run/user/1000/docker.sock");
    env.insert("DOCKER_CONTEXT", "remote");
    QString error;
    const auto e = DockerEndpoint::resolve(env, m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->toUrlString(), QString("unix:///run/user/1000/docker.sock"));
    QCOMPARE(e->source, QString("DOCKER_HOST"));
}

void TestDockerEndpoint::dockerContextWinsOverConfigFile()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext":"other"})");
    writeContext(m_home->path(), "other", "tcp://other:2375");
    writeContext(m_home->path(), "remote", "ssh://me@far:2200");
    QProcessEnvironment env;
    env.insert("DOCKER_CONTEXT", "remote");
    QString error;
    const auto e = DockerEndpoint::resolve(env, m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->kind, Kind::Ssh);
    QCOMPARE(e->toUrlString(), QString("ssh://me@far:2200"));
    QCOMPARE(e->source, QString("context \"remote\""));
}

void TestDockerEndpoint::currentContextIsReadFromConfigJson()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"auths":{},"currentContext":"colima"})");
    writeContext(m_home->path(), "colima", "unix:///home/me/.colima/default/docker.sock");
    QString error;
    const auto e = DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->toUrlString(), QString("unix:///home/me/.colima/default/docker.sock"));
}

void TestDockerEndpoint::dockerConfigMovesTheConfigDirectory()
{
    const QString elsewhere = m_home->path() + "/elsewhere";
    writeFile(elsewhere + "/config.json", R"({"currentContext":"x"})");
    const QByteArray meta = R"({"Endpoints":{"docker":{"Host":"tcp://x:1234"}}})";
    writeFile(elsewhere + "/contexts/meta/" + contextHash("x") + "/meta.json", meta);
    QProcessEnvironment env;
    env.insert("DOCKER_CONFIG", elsewhere);
    QString error;
    const auto e = DockerEndpoint::resolve(env, m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->toUrlString(), QString("tcp://x:1234"));
    QVERIFY(!e->tls);
}

void TestDockerEndpoint::defaultContextIsThePlatformDefault()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext":"default"})");
    QString error;
    const auto e = DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
#ifdef Q_OS_WIN
    QCOMPARE(e->toUrlString(), QString("npipe:////./pipe/docker_engine"));
#else
    QCOMPARE(e->toUrlString(), QString("unix:///var/run/docker.sock"));
#endif
    QCOMPARE(e->source, QString("default"));
}

void TestDockerEndpoint::noConfigFileIsThePlatformDefault()
{
    // A machine where the docker CLI never ran: no ~/.docker at all. The CLI uses its default; so do we.
    QString error;
    const auto e = DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
    QCOMPARE(e->source, QString("default"));
}

void TestDockerEndpoint::brokenConfigJsonIsAnError()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext": "x",)");
    QString error;
    QVERIFY(!DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error));
    QVERIFY2(error.contains("config.json") && error.contains("not valid JSON"), qPrintable(error));
}

void TestDockerEndpoint::missingContextIsAnError()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext":"gone"})");
    QString error;
    QVERIFY(!DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error));
    QVERIFY2(error.contains("\"gone\"") && error.contains("does not exist"), qPrintable(error));

    QProcessEnvironment env;
    env.insert("DOCKER_CONTEXT", "also-gone");
    QVERIFY(!DockerEndpoint::resolve(env, m_home->path(), &error));
    QVERIFY2(error.contains("also-gone"), qPrintable(error));
}

void TestDockerEndpoint::contextWithoutHostIsAnError()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext":"odd"})");
    writeFile(m_home->path() + "/.docker/contexts/meta/" + contextHash("odd") + "/meta.json",
              R"({"Endpoints":{"docker":{}}})");
    QString error;
    QVERIFY(!DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error));
    QVERIFY2(error.contains("Endpoints.docker.Host"), qPrintable(error));
}

void TestDockerEndpoint::tlsEnvironmentTurnsOnTls()
{
    QProcessEnvironment env;
    env.insert("DOCKER_HOST", "tcp://engine:2376");
    QString error;
    auto e = DockerEndpoint::resolve(env, m_home->path(), &error);
    QVERIFY(e);
    QVERIFY(!e->tls);

    env.insert("DOCKER_TLS_VERIFY", "1");
    e = DockerEndpoint::resolve(env, m_home->path(), &error);
    QVERIFY(e);
    QVERIFY(e->tls);
    QVERIFY(e->tlsVerify);
    QCOMPARE(e->certPath, m_home->path() + "/.docker");

    env.insert("DOCKER_CERT_PATH", "/certs");
    e = DockerEndpoint::resolve(env, m_home->path(), &error);
    QVERIFY(e);
    QCOMPARE(e->certPath, QString("/certs"));

    QProcessEnvironment bad;
    bad.insert("DOCKER_HOST", "tcp//oops");
    QVERIFY(!DockerEndpoint::resolve(bad, m_home->path(), &error));
    QVERIFY2(error.startsWith("DOCKER_HOST"), qPrintable(error));
}

void TestDockerEndpoint::contextTlsMaterialIsUsed()
{
    writeFile(m_home->path() + "/.docker/config.json", R"({"currentContext":"secure"})");
    writeContext(m_home->path(), "secure", "tcp://secure:2376", true);
    const QString tlsDir = m_home->path() + "/.docker/contexts/tls/" + contextHash("secure") + "/docker";
    writeFile(tlsDir + "/ca.pem", "not used here");
    QString error;
    const auto e = DockerEndpoint::resolve(QProcessEnvironment(), m_home->path(), &error);
    QVERIFY2(e, qPrintable(error));
    QVERIFY(e->tls);
    QVERIFY2(!e->tlsVerify, "SkipTLSVerify must turn verification off");
    QCOMPARE(e->certPath, tlsDir);
}

void TestDockerEndpoint::sshOptionsComeFromTheEnvironment()
{
    QProcessEnvironment env;
    env.insert("DOCKER_HOST", "ssh://root@127.0.0.1:2222");
    env.insert("OCC_SSH_OPTIONS", "-i /tmp/key  -o StrictHostKeyChecking=no");
    const auto e = DockerEndpoint::resolve(env, m_home->path());
    QVERIFY(e);
    QCOMPARE(e->sshOptions, QStringList({"-i", "/tmp/key", "-o", "StrictHostKeyChecking=no"}));
}

QTEST_GUILESS_MAIN(TestDockerEndpoint)
#include "TestDockerEndpoint.moc"
