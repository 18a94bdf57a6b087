// The front door as a user reaches it from outside, with the real parts: the real engine, the real
// opencode image (occ-e2e-opencode:<pinned>), Caddy with tls.mode internal. `occ doctor --url` checks it
// end to end, then Debian's headless Chromium loads the web UI over HTTPS, trusting only the generated
// CA (an NSS db in a throwaway HOME, no --ignore-certificate-errors), and its screenshot is kept in
// docs/screenshots/frontdoor-webui.png.

#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/frontdoor/UrlDoctor.h"
#include "core/service/EngineConnection.h"
#include "core/service/ServiceController.h"
#include "core/util/Version.h"

#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestBrowserFrontDoor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    Config m_config;
    QString m_password = QStringLiteral("browser-pw-") + QString::number(QRandomGenerator::global()->generate());
    std::unique_ptr<EngineConnection> m_engine;
    QString m_ca;

    QString base() const { return QStringLiteral("https://localhost:%1").arg(m_config.frontDoorHttpsPort); }
    UrlDoctorOptions doctorOptions() const
    {
        UrlDoctorOptions o;
        o.url = QUrl(base());
        o.caCertFile = m_ca;
        o.user = m_config.username;
        o.password = m_password;
        o.streamSeconds = 12;
        return o;
    }

private Q_SLOTS:
    void initTestCase();
    void doctorUrlPassesAgainstARealFrontDoor();
    void doctorUrlFailsWithoutTheCaOrWithAWrongPassword();
    void doctorUrlCommandLine();
    void chromiumRendersTheWebUiOverHttps();
    void cleanupTestCase();
};

void TestBrowserFrontDoor::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("DOCKER_HOST");
    if (QStandardPaths::findExecutable("caddy").isEmpty()) {
        QFAIL("caddy is not installed (scripts/install-deps.sh)");
    }
    qputenv(FrontDoor::CaddyBinaryEnv, QStandardPaths::findExecutable("caddy").toUtf8());
    const QString suffix = QString::number(QRandomGenerator::global()->generate(), 16);
    m_config.containerName = QStringLiteral("occ-br-") + suffix;
    m_config.volumePrefix = QStringLiteral("occ-br-") + suffix;
    m_config.imageName = QStringLiteral("occ-e2e-opencode");
    m_config.imageBase = QStringLiteral("occ-test-base:bookworm");
    m_config.opencodeVersion = pinnedOpencodeVersion();
    m_config.frontDoorEnabled = true;
    m_config.frontDoorHttpPort = freePort();
    m_config.frontDoorHttpsPort = freePort();
    m_config.tlsMode = QStringLiteral("internal");
    m_config.restartPolicy = QStringLiteral("no");
    m_engine = std::make_unique<EngineConnection>(Config{});
    QVERIFY(m_engine->isValid());
    auto image = m_engine->client()->imageExists(m_config.imageName + ":" + m_config.opencodeVersion);
    if (!image || !image.value()) {
        QFAIL("occ-e2e-opencode:<pinned> is not built; run TestServiceE2E first");
    }
    ServiceController controller(m_config, m_password, m_engine->client());
    auto started = controller.start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_ca = started->caCert;
    QVERIFY(QFileInfo::exists(m_ca));
}

void TestBrowserFrontDoor::doctorUrlPassesAgainstARealFrontDoor()
{
    UrlDoctor doctor(doctorOptions());
    QStringList lines;
    const QList<UrlCheck> checks = doctor.run([&](const UrlCheck& c) { lines << c.name + ": " + c.detail; });
    const QString all = lines.join('\n');
    qInfo().noquote() << all;
    QCOMPARE(checks.size(), 6);
    for (const UrlCheck& c : checks) {
        QVERIFY2(c.result == UrlCheck::Result::Ok, qPrintable(all));
    }
    QVERIFY2(checks.at(4).detail.contains("stayed open 12 s"), qPrintable(all));
    QVERIFY2(checks.at(5).detail.contains("101"), qPrintable(all));
    // A bare /pty (no terminal id) is opencode's list of terminals: it answers, but never upgrades.
    QProcess curl;
    curl.start("curl", {"-sS",          "--http1.1",
                        "--max-time",   "5",
                        "-o",           "/dev/null",
                        "-w",           "%{http_code}",
                        "--cacert",     m_ca,
                        "-u",           m_config.username + ":" + m_password,
                        "-H",           "Origin: " + base(),
                        "-H",           "Connection: Upgrade",
                        "-H",           "Upgrade: websocket",
                        "-H",           "Sec-WebSocket-Version: 13",
                        "-H",           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                        base() + "/pty"});
    curl.waitForFinished(10000);
    QCOMPARE(curl.readAllStandardOutput(), QByteArray("200"));
}

void TestBrowserFrontDoor::doctorUrlFailsWithoutTheCaOrWithAWrongPassword()
{
    UrlDoctorOptions noCa = doctorOptions();
    noCa.caCertFile.clear();
    UrlDoctor untrusted(noCa);
    const QList<UrlCheck> a = untrusted.run();
    QCOMPARE(a.size(), 1); // nothing else is judged over an untrusted connection
    QVERIFY(a.first().failed());
    QVERIFY2(a.first().detail.contains("--cacert"), qPrintable(a.first().detail));

    UrlDoctorOptions wrong = doctorOptions();
    wrong.password = QStringLiteral("not-the-password");
    UrlDoctor refused(wrong);
    const QList<UrlCheck> b = refused.run();
    QCOMPARE(b.size(), 4); // tls, healthz, 401 ok; login fails, streams are not tried
    QVERIFY(!b.at(1).failed());
    QVERIFY(!b.at(2).failed());
    QVERIFY(b.at(3).failed());
    QVERIFY2(b.at(3).detail.contains("401"), qPrintable(b.at(3).detail));
}

void TestBrowserFrontDoor::doctorUrlCommandLine()
{
    // The real binary, the password on stdin, exit 0 and one line per check.
    QProcess p;
    p.start(QStringLiteral(OCC_BINARY_DIR "/cli/occ"),
            {"doctor", "--url", base(), "--cacert", m_ca, "--user", m_config.username, "--password-stdin",
             "--stream-seconds", "3"});
    p.write(m_password.toUtf8() + "\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QVERIFY2(p.exitCode() == 0, qPrintable(out));
    for (const char* name : {"tls", "healthz", "auth", "login", "events", "terminal"}) {
        QVERIFY2(out.contains(QStringLiteral("[ok] %1").arg(QLatin1String(name))), qPrintable(out));
    }
    // A wrong password: exit 1.
    QProcess q;
    q.start(QStringLiteral(OCC_BINARY_DIR "/cli/occ"),
            {"doctor", "--url", base(), "--cacert", m_ca, "--password-stdin", "--stream-seconds", "3"});
    q.write("wrong\n");
    q.closeWriteChannel();
    QVERIFY(q.waitForFinished(60000));
    const QString out2 = QString::fromUtf8(q.readAllStandardOutput() + q.readAllStandardError());
    QVERIFY2(q.exitCode() == 1 && out2.contains("[FAIL] login"), qPrintable(out2));
}

void TestBrowserFrontDoor::chromiumRendersTheWebUiOverHttps()
{
    const QString chromium = QStandardPaths::findExecutable("chromium");
    const QString certutil = QStandardPaths::findExecutable("certutil");
    if (chromium.isEmpty() || certutil.isEmpty()) {
        QFAIL("chromium or certutil (libnss3-tools) is not installed (scripts/install-deps.sh)");
    }
    const QString script = QStringLiteral(OCC_SOURCE_DIR "/tests/integration/browser-chromium.sh");
    const QString shot = m_home.filePath("frontdoor-webui.png");
    const QString dom = m_home.filePath("dom.html");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"),
            {script, m_ca,
             QStringLiteral("https://%1:%2@localhost:%3/")
                 .arg(m_config.username, m_password)
                 .arg(m_config.frontDoorHttpsPort),
             shot, dom});
    QVERIFY(p.waitForFinished(240000));
    const QString log = QString::fromUtf8(p.readAll());
    QVERIFY2(p.exitCode() == 0, qPrintable(log));

    // The DOM is opencode's app, not an error page or a login prompt.
    QFile domFile(dom);
    QVERIFY(domFile.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(domFile.readAll());
    QVERIFY2(html.contains("<title>OpenCode</title>"), qPrintable(html.left(2000)));
    QVERIFY2(html.contains(QStringLiteral("id=\"root\"")) || html.contains(QStringLiteral("data-")),
             qPrintable(html.left(2000)));
    QVERIFY2(!html.contains("ERR_CERT"), qPrintable(html.left(2000)));
    qInfo().noquote() << "DOM:" << html.left(600);

    // The screenshot is not blank: more than one colour, and not nearly all one colour.
    QImage image(shot);
    QVERIFY2(!image.isNull(), qPrintable(shot));
    QHash<QRgb, int> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            ++colours[image.pixel(x, y)];
        }
    }
    int most = 0, total = 0;
    for (int n : colours) {
        most = std::max(most, n);
        total += n;
    }
    QVERIFY2(colours.size() > 8 && most < total * 0.98,
             qPrintable(QStringLiteral("%1 colours, the commonest covers %2 of %3 samples")
                            .arg(colours.size())
                            .arg(most)
                            .arg(total)));
    const QString kept = QStringLiteral(OCC_SOURCE_DIR "/docs/screenshots/frontdoor-webui.png");
    QDir().mkpath(QFileInfo(kept).path());
    QFile::remove(kept);
    QVERIFY(QFile::copy(shot, kept));
}

void TestBrowserFrontDoor::cleanupTestCase()
{
    if (!m_engine) {
        return;
    }
    DockerClient* d = m_engine->client();
    d->removeContainer(FrontDoor::containerName(m_config), true, false);
    d->removeContainer(m_config.containerName, true, false);
    d->removeNetwork(FrontDoor::networkName(m_config));
    for (const char* role : {"data", "config", "state", "workspace"}) {
        d->removeVolume(m_config.volumePrefix + "-" + QLatin1String(role), true);
    }
}

QTEST_GUILESS_MAIN(TestBrowserFrontDoor)
#include "TestBrowserFrontDoor.moc"
