#include "core/config/Config.h"
#include "core/frontdoor/Caddyfile.h"
#include "core/frontdoor/FrontDoorSettings.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

Config configFor(const QString& mode, const QString& publicUrl)
{
    Config c;
    c.frontDoorEnabled = true;
    c.tlsMode = mode;
    c.publicUrl = publicUrl;
    c.frontDoorHttpPort = 8080;
    c.frontDoorHttpsPort = 8443;
    if (mode == QLatin1String("files")) {
        c.tlsCertFile = QStringLiteral("/etc/ssl/occ.pem");
        c.tlsKeyFile = QStringLiteral("/etc/ssl/occ.key");
    }
    if (mode == QLatin1String("acme")) {
        c.frontDoorHttpPort = 80;
        c.frontDoorHttpsPort = 443;
        c.tlsAcmeEmail = QStringLiteral("ops@example.com");
    }
    return c;
}

QString renderFor(const Config& c)
{
    auto s = FrontDoorSettings::fromConfig(c);
    if (!s) {
        qWarning("%s", qPrintable(s.error().message));
        return {};
    }
    return Caddyfile::render(s.value());
}

} // namespace

class TestFrontDoorCaddyfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersEachRule_data();
    void rendersEachRule();
    void refusesBadCombinations_data();
    void refusesBadCombinations();
    void neverHoldsTheCredentials();
    void caddyAcceptsEveryMode_data();
    void caddyAcceptsEveryMode();
};

void TestFrontDoorCaddyfile::rendersEachRule_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<QString>("trusted");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("present");

    const QString https = QStringLiteral("https://code.example.com:8443");
    QTest::newRow("TLS off serves plain HTTP on the container port") << "off"
                                                                     << ""
                                                                     << ""
                                                                     << "http://:8080 {" << true;
    QTest::newRow("TLS off switches automatic HTTPS off") << "off"
                                                          << ""
                                                          << ""
                                                          << "auto_https off" << true;
    QTest::newRow("TLS off sends no HSTS header") << "off"
                                                  << ""
                                                  << ""
                                                  << "Strict-Transport-Security" << false;
    QTest::newRow("TLS off has no redirect") << "off"
                                             << ""
                                             << ""
                                             << "redir " << false;
    QTest::newRow("files mode redirects HTTP to the host's HTTPS port")
        << "files" << https << ""
        << "redir https://{http.request.host}:8443{uri} 308" << true;
    QTest::newRow("files mode serves the user's certificate")
        << "files" << https << ""
        << "tls /etc/occ-frontdoor/tls/cert.pem /etc/occ-frontdoor/tls/key.pem" << true;
    QTest::newRow("files mode sends HSTS") << "files" << https << ""
                                           << "Strict-Transport-Security" << true;
    QTest::newRow("files mode answers clients without SNI") << "files" << https << ""
                                                            << "default_sni code.example.com" << true;
    QTest::newRow("internal mode defaults to localhost") << "internal"
                                                         << ""
                                                         << ""
                                                         << "default_sni localhost" << true;
    QTest::newRow("internal mode serves the generated certificate") << "internal"
                                                                    << ""
                                                                    << ""
                                                                    << "tls /etc/occ-frontdoor/tls/cert.pem" << true;
    QTest::newRow("acme mode registers with the e-mail") << "acme"
                                                         << "https://code.example.com"
                                                         << ""
                                                         << "email ops@example.com" << true;
    QTest::newRow("acme mode serves only the public name") << "acme"
                                                           << "https://code.example.com"
                                                           << ""
                                                           << "https://code.example.com:8443 {" << true;
    QTest::newRow("acme mode loads no certificate file") << "acme"
                                                         << "https://code.example.com"
                                                         << ""
                                                         << "tls /etc" << false;
    QTest::newRow("acme mode redirects to the default HTTPS port without a port")
        << "acme"
        << "https://code.example.com"
        << ""
        << "redir https://{http.request.host}{uri} 308" << true;
    QTest::newRow("healthz probes opencode's health endpoint") << "off"
                                                               << ""
                                                               << ""
                                                               << "rewrite * /global/health" << true;
    QTest::newRow("healthz injects the credentials from the environment")
        << "off"
        << ""
        << ""
        << "header_up Authorization \"Basic {env.OCC_UPSTREAM_AUTH}\"" << true;
    QTest::newRow("healthz gives up on a hung opencode") << "off"
                                                         << ""
                                                         << ""
                                                         << "response_header_timeout 5s" << true;
    QTest::newRow("healthz is also on the HTTP port when TLS is on") << "internal"
                                                                     << ""
                                                                     << ""
                                                                     << "http://:8080 {\n\timport healthz" << true;
    QTest::newRow("server-sent events are flushed at once") << "off"
                                                            << ""
                                                            << ""
                                                            << "flush_interval -1" << true;
    QTest::newRow("the event stream paths are matched") << "off"
                                                        << ""
                                                        << ""
                                                        << "@events path /global/event /event" << true;
    QTest::newRow("bodies have no deadline for long streams") << "off"
                                                              << ""
                                                              << ""
                                                              << "read_body 0" << true;
    QTest::newRow("responses have no write deadline for long streams") << "off"
                                                                       << ""
                                                                       << ""
                                                                       << "write 0" << true;
    QTest::newRow("no trusted proxies trusts none") << "off"
                                                    << ""
                                                    << ""
                                                    << "trusted_proxies" << false;
    QTest::newRow("trusted proxies come from the config")
        << "off"
        << ""
        << "10.0.0.0/8, 172.16.0.0/12"
        << "trusted_proxies 10.0.0.0/8 172.16.0.0/12\n\t\t\tflush_interval -1" << true;
    QTest::newRow("nosniff is sent") << "off"
                                     << ""
                                     << ""
                                     << "X-Content-Type-Options nosniff" << true;
    QTest::newRow("framing is same-origin only") << "off"
                                                 << ""
                                                 << ""
                                                 << "X-Frame-Options SAMEORIGIN" << true;
    QTest::newRow("the Server header is dropped") << "off"
                                                  << ""
                                                  << ""
                                                  << "-Server" << true;
    QTest::newRow("state-changing cross-origin requests are refused")
        << "off"
        << ""
        << ""
        << "{http.request.method} in [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"]" << true;
    QTest::newRow("cross-origin WebSocket upgrades are refused") << "off"
                                                                 << ""
                                                                 << ""
                                                                 << "{http.request.header.Upgrade} != \"\"" << true;
    QTest::newRow("the public origin is allowed")
        << "off"
        << "https://code.example.com"
        << ""
        << "{http.request.header.Origin} == \"https://code.example.com\"" << true;
    QTest::newRow("the admin API is off") << "off"
                                          << ""
                                          << ""
                                          << "admin off" << true;
    QTest::newRow("the upstream is the opencode container by name") << "off"
                                                                    << ""
                                                                    << ""
                                                                    << "reverse_proxy opencode-cloud:4096" << true;
}

void TestFrontDoorCaddyfile::rendersEachRule()
{
    QFETCH(QString, mode);
    QFETCH(QString, publicUrl);
    QFETCH(QString, trusted);
    QFETCH(QString, needle);
    QFETCH(bool, present);
    Config c = configFor(mode, publicUrl);
    c.frontDoorTrustedProxies = trusted;
    const QString text = renderFor(c);
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.contains(needle) == present, qPrintable(text));
}

void TestFrontDoorCaddyfile::refusesBadCombinations_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("message");

    QTest::newRow("a public URL with a sub-path is refused with the reason") << "off"
                                                                             << "https://example.com/opencode"
                                                                             << ""
                                                                             << "only works at the root of a host name";
    QTest::newRow("acme without a public URL is refused") << "acme"
                                                          << ""
                                                          << "ops@example.com"
                                                          << "public domain";
    QTest::newRow("acme for an IP address is refused") << "acme"
                                                       << "https://203.0.113.7"
                                                       << "ops@example.com"
                                                       << "public domain";
    QTest::newRow("acme without an e-mail is refused") << "acme"
                                                       << "https://code.example.com"
                                                       << ""
                                                       << "contact e-mail";
    QTest::newRow("files without a public URL is refused") << "files"
                                                           << ""
                                                           << ""
                                                           << "needs network.public_url";
}

void TestFrontDoorCaddyfile::refusesBadCombinations()
{
    QFETCH(QString, mode);
    QFETCH(QString, publicUrl);
    QFETCH(QString, email);
    QFETCH(QString, message);
    Config c = configFor(mode, publicUrl);
    c.tlsAcmeEmail = email;
    auto s = FrontDoorSettings::fromConfig(c);
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
}

void TestFrontDoorCaddyfile::neverHoldsTheCredentials()
{
    Config c = configFor(QStringLiteral("internal"), QString());
    c.username = QStringLiteral("alice-secret-user");
    const QString text = renderFor(c);
    QVERIFY(!text.contains(QStringLiteral("alice-secret-user")));
    QVERIFY(!text.contains(QStringLiteral("Basic YW")));
}

void TestFrontDoorCaddyfile::caddyAcceptsEveryMode_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("publicUrl");
    QTest::newRow("off") << "off"
                         << "";
    QTest::newRow("off with a public URL") << "off"
                                           << "https://code.example.com";
    QTest::newRow("files") << "files"
                           << "https://code.example.com:8443";
    QTest::newRow("internal") << "internal"
                              << "";
    QTest::newRow("acme") << "acme"
                          << "https://code.example.com";
}

void TestFrontDoorCaddyfile::caddyAcceptsEveryMode()
{
    QFETCH(QString, mode);
    QFETCH(QString, publicUrl);
    const QString caddy = QStandardPaths::findExecutable(QStringLiteral("caddy"));
    if (caddy.isEmpty()) {
        QFAIL("caddy is not installed (scripts/install-deps.sh installs it)");
    }
    Config c = configFor(mode, publicUrl);
    c.frontDoorTrustedProxies = QStringLiteral("10.0.0.0/8");
    QTemporaryDir dir;
    QString text = renderFor(c);
    // `caddy validate` loads the certificate files: point them at a throwaway pair.
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                               {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                "-subj", "/CN=code.example.com", "-days", "2", "-keyout", key, "-out", cert}),
             0);
    text.replace(QString::fromLatin1(Caddyfile::CertFile), cert).replace(QString::fromLatin1(Caddyfile::KeyFile), key);
    const QString file = dir.filePath(QStringLiteral("Caddyfile"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
    f.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(caddy, {"validate", "--adapter", "caddyfile", "--config", file});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAll()) + QLatin1Char('\n') + text));
}

QTEST_GUILESS_MAIN(TestFrontDoorCaddyfile)
#include "TestFrontDoorCaddyfile.moc"
