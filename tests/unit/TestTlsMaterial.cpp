#include "core/frontdoor/LocalCa.h"
#include "core/frontdoor/TlsMaterial.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

// Every certificate here is made by the real `openssl` command in a temporary folder.
class TestTlsMaterial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checksEachProperty_data();
    void checksEachProperty();
    void nameMatching_data();
    void nameMatching();
    void unreadableFilesAreNamed();
    void localCaSignsAServerCertificateForEveryName();
    void localCaIsKeptAndTheServerCertificateRenewedForNewNames();

private:
    QString makePair(const QString& name, const QString& san, int days, const QString& extra = {});
    QTemporaryDir m_dir;
};

QString TestTlsMaterial::makePair(const QString& name, const QString& san, int days, const QString& extra)
{
    const QString cert = m_dir.filePath(name + QStringLiteral(".crt"));
    const QString key = m_dir.filePath(name + QStringLiteral(".key"));
    QStringList args = {"req",    "-x509", "-newkey",     "ec",      "-pkeyopt", "ec_paramgen_curve:P-256",
                        "-nodes", "-subj", "/CN=" + name, "-keyout", key,        "-out",
                        cert};
    if (!san.isEmpty()) {
        args << "-addext"
             << "subjectAltName=" + san;
    }
    if (days > 0) {
        args << "-days" << QString::number(days);
    } else {
        // Already expired: valid for one day, a week ago (openssl 3's -not_before/-not_after are 3.4+).
        args << "-days"
             << "1";
    }
    if (!extra.isEmpty()) {
        args << extra.split(QLatin1Char(' '));
    }
    if (QProcess::execute(QStringLiteral("openssl"), args) != 0) {
        return {};
    }
    return name;
}

void TestTlsMaterial::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QProcess::execute(QStringLiteral("openssl"), {"version"}) != 0) {
        QFAIL("openssl is not installed");
    }
    QVERIFY(!makePair("good", "DNS:code.example.com,DNS:*.dev.example.com,IP:192.0.2.10", 30).isEmpty());
    QVERIFY(!makePair("other", "DNS:code.example.com", 30).isEmpty());
    QVERIFY(!makePair("short", "DNS:code.example.com", 1).isEmpty());
    QVERIFY(!makePair("nosan", "", 30).isEmpty());
    QFile junk(m_dir.filePath("junk.crt"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("this is not a certificate\n");
    junk.close();
    // An encrypted key: Caddy cannot read it unattended.
    QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                               {"pkey", "-in", m_dir.filePath("good.key"), "-aes256", "-passout", "pass:x", "-out",
                                m_dir.filePath("enc.key")}),
             0);
}

void TestTlsMaterial::checksEachProperty_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<int>("daysFromNow");
    QTest::addColumn<QString>("problem"); // empty = accepted

    QTest::newRow("a matching pair for a listed name is accepted") << "good"
                                                                   << "good"
                                                                   << "code.example.com" << 0 << "";
    QTest::newRow("a wildcard covers one label") << "good"
                                                 << "good"
                                                 << "a.dev.example.com" << 0 << "";
    QTest::newRow("an IP address name is accepted") << "good"
                                                    << "good"
                                                    << "192.0.2.10" << 0 << "";
    QTest::newRow("a key from another pair is refused")
        << "good"
        << "other"
        << "code.example.com" << 0 << "does not belong to the certificate";
    QTest::newRow("a name the certificate lacks is refused")
        << "good"
        << "good"
        << "evil.example.com" << 0 << "is not for evil.example.com";
    QTest::newRow("a wildcard does not cover two labels") << "good"
                                                          << "good"
                                                          << "a.b.dev.example.com" << 0 << "is not for";
    QTest::newRow("the common name alone does not count") << "nosan"
                                                          << "nosan"
                                                          << "nosan" << 0 << "no subject alternative";
    QTest::newRow("an expired certificate is refused") << "short"
                                                       << "short"
                                                       << "code.example.com" << 3 << "expired";
    QTest::newRow("a certificate from the future is refused") << "good"
                                                              << "good"
                                                              << "code.example.com" << -3 << "not valid before";
    QTest::newRow("a file that is not PEM is refused as a certificate")
        << "junk"
        << "good"
        << "code.example.com" << 0 << "not a PEM certificate";
    QTest::newRow("a certificate given as the key is refused") << "good"
                                                               << "good.crt-as-key"
                                                               << "" << 0 << "not an unencrypted PEM private key";
    QTest::newRow("an encrypted key is refused") << "good"
                                                 << "enc"
                                                 << "" << 0 << "not an unencrypted PEM";
}

void TestTlsMaterial::checksEachProperty()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, hostname);
    QFETCH(int, daysFromNow);
    QFETCH(QString, problem);
    const QString certFile = m_dir.filePath(cert + ".crt");
    const QString keyFile =
        key.endsWith("-as-key") ? m_dir.filePath(key.chopped(7)) : m_dir.filePath(key + QStringLiteral(".key"));
    const auto result =
        TlsMaterial::check(certFile, keyFile, hostname, QDateTime::currentDateTimeUtc().addDays(daysFromNow));
    if (problem.isEmpty()) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QVERIFY(result->notAfter > QDateTime::currentDateTimeUtc());
    } else {
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(problem), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(certFile));
    }
}

void TestTlsMaterial::nameMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("matches");
    QTest::newRow("names compare without case") << "Code.Example.com"
                                                << "code.example.COM" << true;
    QTest::newRow("a wildcard needs a label") << "*.example.com"
                                              << "example.com" << false;
    QTest::newRow("a top-level wildcard never matches") << "*.com"
                                                        << "example.com" << false;
    QTest::newRow("IPv6 addresses compare as addresses") << "0:0:0:0:0:0:0:1"
                                                         << "::1" << true;
    QTest::newRow("an IP never matches a DNS wildcard") << "*.0.2.10"
                                                        << "192.0.2.10" << false;
}

void TestTlsMaterial::nameMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, host);
    QFETCH(bool, matches);
    QCOMPARE(TlsMaterial::nameMatches(pattern, host), matches);
}

void TestTlsMaterial::unreadableFilesAreNamed()
{
    const auto result = TlsMaterial::check(m_dir.filePath("missing.crt"), m_dir.filePath("good.key"), {});
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains("Cannot read the TLS certificate"), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains("missing.crt"));
}

void TestTlsMaterial::localCaSignsAServerCertificateForEveryName()
{
    QTemporaryDir dir;
    const QStringList names = {"opencode.lan", "localhost", "127.0.0.1", "::1", "192.0.2.44"};
    const auto files = LocalCa::ensure(dir.filePath("tls"), names);
    QVERIFY2(files, qPrintable(files ? QString() : files.error().message));
    QVERIFY(files->caCreated && files->serverCreated);
    for (const QString& n : names) {
        const auto ok = TlsMaterial::check(files->serverCert, files->serverKey, n);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    }
    // The server certificate verifies against the CA and only against it.
    const auto ca = QSslCertificate::fromPath(files->caCert);
    const auto leaf = QSslCertificate::fromPath(files->serverCert);
    QCOMPARE(ca.size(), 1);
    QCOMPARE(leaf.size(), 1);
    QCOMPARE(leaf.first().issuerDisplayName(), ca.first().subjectDisplayName());
    QCOMPARE(QProcess::execute("openssl", {"verify", "-CAfile", files->caCert, files->serverCert}), 0);
    QVERIFY(QProcess::execute("openssl", {"verify", "-CAfile", m_dir.filePath("good.crt"), files->serverCert}) != 0);
    // Private keys are the owner's only.
    QCOMPARE(QFile::permissions(files->serverKey) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QCOMPARE(QFile::permissions(dir.filePath("tls/ca.key")) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
}

void TestTlsMaterial::localCaIsKeptAndTheServerCertificateRenewedForNewNames()
{
    QTemporaryDir dir;
    const QString tls = dir.filePath("tls");
    QVERIFY(LocalCa::ensure(tls, {"localhost"}));
    const QByteArray ca = QSslCertificate::fromPath(tls + "/ca.crt").value(0).toPem();
    const auto again = LocalCa::ensure(tls, {"localhost"});
    QVERIFY(again);
    QVERIFY(!again->caCreated && !again->serverCreated);
    const auto more = LocalCa::ensure(tls, {"localhost", "opencode.lan"});
    QVERIFY(more);
    QVERIFY(!more->caCreated && more->serverCreated);
    QCOMPARE(QSslCertificate::fromPath(tls + "/ca.crt").value(0).toPem(), ca);
    QVERIFY(TlsMaterial::check(more->serverCert, more->serverKey, "opencode.lan"));
    QVERIFY(LocalCa::defaultNames("h.example").contains("127.0.0.1"));
    QCOMPARE(LocalCa::defaultNames("h.example").first(), QStringLiteral("h.example"));
}

QTEST_GUILESS_MAIN(TestTlsMaterial)
#include "TestTlsMaterial.moc"
