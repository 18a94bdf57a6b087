// The front door as a user reaches it from outside, with the real parts: the real engine, the real
// opencode image (occ-e2e-opencode:<pinned>), Caddy with tls.mode internal. `occ doctor --url` checks it
// end to end, then Debian's headless Chromium loads the web UI over HTTPS, trusting only the generated
// CA (an NSS db in a throwaway HOME, no --ignore-certificate-errors), and its screenshot is kept in
// docs/screenshots/frontdoor-webui.png.
//
// Then the way a laptop reaches a VPS: Chromium runs in a second network namespace (a veth pair, no
// other route) and opens the UI by IP, first through the front door over HTTPS, then directly on
// opencode's port. It answers the login prompt, opens the web terminal with its own keyboard shortcut,
// types a command and must see the shell's answer come back over the terminal's WebSocket. That WebSocket
// URL is what upstream opencode issue 5844 got wrong when the UI was not opened as localhost: this test
// is why we carry no `?url=` workaround for it.

#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/frontdoor/UrlDoctor.h"
#include "core/service/EngineConnection.h"
#include "core/service/ServiceController.h"
#include "core/util/Version.h"
#include "support/DevToolsPipe.h"
#include "support/ServiceFixture.h"

#include <QDeadlineTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

// What the browser in the other namespace did with the web terminal.
struct RemoteTerminal
{
    QString error; // empty when the page loaded and the terminal was opened
    QString pageUrl; // where the app ended up
    QStringList authPrompts; // URLs that asked for credentials
    QString webSocketUrl; // the terminal's WebSocket, as the page built it
    int handshakeStatus = 0;
    QString received; // everything the terminal's WebSocket delivered, as text
    QByteArray screenshot; // PNG
};

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
    QString m_namespace; // the "other machine" (tests/harness/remote-host.sh)
    QString m_hostIp; // this machine's address as the other one sees it
    QString m_browserHome; // HOME with an NSS db that trusts m_ca

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

    QString createSession(const QString& baseUrl);
    RemoteTerminal openTerminalFromTheOtherHost(const QString& baseUrl, const QString& sessionId);
    void verifyRemoteTerminal(const RemoteTerminal& t, const QString& baseUrl, const QString& wsScheme);

private Q_SLOTS:
    void initTestCase();
    void doctorUrlPassesAgainstARealFrontDoor();
    void doctorUrlFailsWithoutTheCaOrWithAWrongPassword();
    void doctorUrlCommandLine();
    void chromiumRendersTheWebUiOverHttps();
    void webTerminalWorksFromAnotherHostThroughTheFrontDoor();
    void webTerminalWorksFromAnotherHostDirectly();
    void cleanupTestCase();
};

void TestBrowserFrontDoor::initTestCase()
{
    const QString unusable = test::prepareFrontDoorTest(m_home);
    QVERIFY2(unusable.isEmpty(), qPrintable(unusable));
    m_config = test::frontDoorTestConfig(QStringLiteral("occ-br-"));
    // Reachable from the other namespace: every address, behind opencode's basic auth.
    m_config.bind = QStringLiteral("0.0.0.0");
    m_config.port = test::freePort();

    // The other machine exists before the certificate is made, so its view of us (the veth address) is
    // one of the names the local CA signs, as a LAN address would be.
    m_namespace = QStringLiteral("occbr") + m_config.containerName.right(5);
    QProcess up;
    up.start(QStringLiteral("bash"),
             {QStringLiteral(OCC_SOURCE_DIR "/tests/harness/remote-host.sh"), QStringLiteral("up"), m_namespace});
    QVERIFY(up.waitForFinished(30000));
    const QStringList ips = QString::fromUtf8(up.readAllStandardOutput()).split(' ', Qt::SkipEmptyParts);
    QVERIFY2(up.exitCode() == 0 && ips.size() == 2, up.readAllStandardError().constData());
    m_hostIp = ips.first().trimmed();

    m_engine = std::make_unique<EngineConnection>(Config{});
    QVERIFY(m_engine->isValid());
    const QString missing = test::opencodeImageMissing(m_engine->client(), m_config);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
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

QString TestBrowserFrontDoor::createSession(const QString& baseUrl)
{
    // A session in the workspace the image provides, made over the API as the app itself would.
    QProcess curl;
    QStringList args{"-sS",
                     "--max-time",
                     "20",
                     "-u",
                     m_config.username + ":" + m_password,
                     "-X",
                     "POST",
                     "-H",
                     "Content-Type: application/json",
                     "-d",
                     "{}",
                     baseUrl + "/session?directory=%2Fhome%2Fopencode%2Fworkspace"};
    if (baseUrl.startsWith("https:")) {
        args << "--cacert" << m_ca;
    }
    curl.start("curl", args);
    curl.waitForFinished(30000);
    const QJsonObject session = QJsonDocument::fromJson(curl.readAllStandardOutput()).object();
    return session.value("id").toString();
}

RemoteTerminal TestBrowserFrontDoor::openTerminalFromTheOtherHost(const QString& baseUrl, const QString& sessionId)
{
    RemoteTerminal t;
    if (m_browserHome.isEmpty()) {
        // Chromium on Linux trusts what is in ~/.pki/nssdb: the generated CA and nothing else of ours.
        m_browserHome = m_home.filePath("browser-home");
        const QString db = QStringLiteral("sql:") + m_browserHome + "/.pki/nssdb";
        QDir().mkpath(m_browserHome + "/.pki/nssdb");
        QProcess::execute("certutil", {"-d", db, "-N", "--empty-password"});
        QProcess::execute("certutil", {"-d", db, "-A", "-t", "C,,", "-n", "occ-local-ca", "-i", m_ca});
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_browserHome);
    const QString profile = m_home.filePath("profile-" + QString::number(QRandomGenerator::global()->generate()));
    DevToolsPipe browser;
    QString error;
    if (!browser.start("ip",
                       {"netns", "exec", m_namespace, "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-quic", "--disable-dev-shm-usage", "--window-size=1280,800",
                        "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"},
                       env, m_home.filePath("chromium.log"), &error)) {
        t.error = error;
        return t;
    }
    // The handler is the person at the keyboard: it answers the login prompt, lets every request
    // through, and watches the WebSockets the page opens.
    QString wsRequestId;
    browser.setEventHandler([&](const QJsonObject& e) {
        const QString method = e.value("method").toString();
        const QJsonObject p = e.value("params").toObject();
        const QString session = e.value("sessionId").toString();
        if (method == "Fetch.requestPaused") {
            browser.send("Fetch.continueRequest", {{"requestId", p.value("requestId")}}, session);
        } else if (method == "Fetch.authRequired") {
            t.authPrompts << p.value("request").toObject().value("url").toString();
            browser.send(
                "Fetch.continueWithAuth",
                {{"requestId", p.value("requestId")},
                 {"authChallengeResponse",
                  QJsonObject{
                      {"response", "ProvideCredentials"}, {"username", m_config.username}, {"password", m_password}}}},
                session);
        } else if (method == "Network.webSocketCreated" && p.value("url").toString().contains("/pty/")) {
            wsRequestId = p.value("requestId").toString();
            t.webSocketUrl = p.value("url").toString();
        } else if (method == "Network.webSocketHandshakeResponseReceived" && p.value("requestId") == wsRequestId) {
            t.handshakeStatus = p.value("response").toObject().value("status").toInt();
        } else if (method == "Network.webSocketFrameReceived" && p.value("requestId") == wsRequestId) {
            const QJsonObject frame = p.value("response").toObject();
            const QByteArray payload = frame.value("payloadData").toString().toUtf8();
            t.received += frame.value("opcode").toInt() == 2 ? QString::fromUtf8(QByteArray::fromBase64(payload))
                                                             : QString::fromUtf8(payload);
        }
    });

    const QJsonArray targets = browser.call("Target.getTargets", {}, {}, 30000, &error).value("targetInfos").toArray();
    QString targetId;
    for (const QJsonValue& v : targets) {
        if (v.toObject().value("type") == "page") {
            targetId = v.toObject().value("targetId").toString();
        }
    }
    if (targetId.isEmpty()) {
        t.error = "no page target: " + error;
        return t;
    }
    const QString sid =
        browser.call("Target.attachToTarget", {{"targetId", targetId}, {"flatten", true}}, {}, 30000, &error)
            .value("sessionId")
            .toString();
    for (const char* domain : {"Network.enable", "Page.enable", "Runtime.enable"}) {
        browser.call(domain, {}, sid, 30000, &error);
    }
    browser.call("Fetch.enable", {{"handleAuthRequests", true}}, sid, 30000, &error);
    if (!error.isEmpty()) {
        t.error = error;
        return t;
    }
    const QString dir =
        QString::fromLatin1(QByteArray("/home/opencode/workspace")
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    browser.call("Page.navigate", {{"url", baseUrl + "/" + dir + "/session/" + sessionId}}, sid, 30000, &error);
    if (!error.isEmpty()
        || !browser.waitForEvent([](const QJsonObject& e) { return e.value("method") == "Page.loadEventFired"; },
                                 60000)) {
        t.error = "the page did not load: " + error;
        return t;
    }

    auto evaluate = [&](const QString& expression) {
        return browser.call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}}, sid, 30000)
            .value("result")
            .toObject()
            .value("value");
    };
    auto key = [&](const QJsonObject& down) {
        QJsonObject up = down;
        up.insert("type", "keyUp");
        up.remove("text");
        browser.call("Input.dispatchKeyEvent", down, sid);
        browser.call("Input.dispatchKeyEvent", up, sid);
    };
    // The terminal panel toggles with ctrl+` (opencode's keybind) once the session view is up: press it
    // until the panel exists, checking first so a second press never closes it again.
    const QString panel = QStringLiteral("document.querySelector('[data-component=terminal]')");
    QDeadlineTimer deadline(90000);
    while (!evaluate(panel + " !== null").toBool()) {
        if (deadline.hasExpired()) {
            t.error = "the terminal panel never opened";
            return t;
        }
        if (evaluate("document.readyState == 'complete' && document.querySelector('[data-component]') !== null")
                .toBool()) {
            key({{"type", "keyDown"},
                 {"modifiers", 2},
                 {"key", "`"},
                 {"code", "Backquote"},
                 {"windowsVirtualKeyCode", 192}});
        }
        browser.pump(1500);
    }
    if (!browser.waitForEvent([&](const QJsonObject&) { return t.received.contains('$'); }, 60000)) {
        t.error = "no shell prompt arrived over the terminal's WebSocket";
        t.pageUrl = evaluate("location.href").toString();
        return t;
    }
    // Click into the terminal and type a command whose answer only a shell can give.
    const QJsonObject box =
        evaluate("(() => { const r = " + panel
                 + ".getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; "
                   "})()")
            .toObject();
    for (const char* type : {"mousePressed", "mouseReleased"}) {
        browser.call(
            "Input.dispatchMouseEvent",
            {{"type", type}, {"x", box.value("x")}, {"y", box.value("y")}, {"button", "left"}, {"clickCount", 1}}, sid);
    }
    for (const QChar c : QStringLiteral("echo remote-$((6*7))-terminal")) {
        key({{"type", "keyDown"}, {"key", QString(c)}, {"text", QString(c)}});
    }
    key({{"type", "keyDown"}, {"key", "Enter"}, {"code", "Enter"}, {"windowsVirtualKeyCode", 13}, {"text", "\r"}});
    browser.waitForEvent([&](const QJsonObject&) { return t.received.contains("remote-42-terminal"); }, 30000);
    browser.pump(500); // let the terminal paint the answer before the screenshot
    t.pageUrl = evaluate("location.href").toString();
    t.screenshot = QByteArray::fromBase64(
        browser.call("Page.captureScreenshot", {{"format", "png"}}, sid, 30000).value("data").toString().toLatin1());
    return t;
}

void TestBrowserFrontDoor::verifyRemoteTerminal(const RemoteTerminal& t, const QString& baseUrl,
                                                const QString& wsScheme)
{
    // Concatenated, not arg()'d: the URLs carry %2F and the like.
    QString printable = t.received.right(400);
    for (QChar& c : printable) {
        c = c.isPrint() ? c : QChar('.');
    }
    const QString report = "page " + t.pageUrl + "\nwebsocket " + t.webSocketUrl + " ("
        + QString::number(t.handshakeStatus) + ")\nauth prompts " + t.authPrompts.join(' ') + "\nreceived " + printable;
    qInfo().noquote() << report;
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error + "\n" + report));
    // The browser had to log in: the UI is not open to the other machine without the password.
    QVERIFY2(!t.authPrompts.isEmpty(), qPrintable(report));
    // Issue 5844: the terminal's WebSocket goes to the host and port the page came from, not to
    // localhost and not to a host named "pty".
    const QUrl ws(t.webSocketUrl);
    const QUrl base(baseUrl);
    QCOMPARE(ws.scheme(), wsScheme);
    QCOMPARE(ws.host(), base.host());
    QCOMPARE(ws.port(), base.port());
    QVERIFY2(ws.path().startsWith("/pty/") && ws.path().endsWith("/connect"), qPrintable(t.webSocketUrl));
    QCOMPARE(t.handshakeStatus, 101);
    // And it carries a real shell: the typed arithmetic came back evaluated.
    QVERIFY2(t.received.contains("remote-42-terminal"), qPrintable(report));
}

void TestBrowserFrontDoor::webTerminalWorksFromAnotherHostThroughTheFrontDoor()
{
    const QString base = QStringLiteral("https://%1:%2").arg(m_hostIp).arg(m_config.frontDoorHttpsPort);
    const QString session = createSession(base);
    QVERIFY2(!session.isEmpty(), "could not create a session through the front door");
    const RemoteTerminal t = openTerminalFromTheOtherHost(base, session);
    verifyRemoteTerminal(t, base, QStringLiteral("wss"));
    const QString kept = QStringLiteral(OCC_SOURCE_DIR "/docs/screenshots/remote-terminal.png");
    QFile shot(kept);
    QVERIFY(shot.open(QIODevice::WriteOnly));
    shot.write(t.screenshot);
}

void TestBrowserFrontDoor::webTerminalWorksFromAnotherHostDirectly()
{
    // The same machine without the front door: opencode's own port, published on every address.
    m_config.frontDoorEnabled = false;
    ServiceController controller(m_config, m_password, m_engine->client());
    auto started = controller.start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    // Turning the front door off retires it: nothing keeps listening on its ports.
    auto door = m_engine->client()->inspectContainer(FrontDoor::containerName(m_config));
    QVERIFY2(!door, "the front door container outlived frontdoor.enabled = false");

    const QString base = QStringLiteral("http://%1:%2").arg(m_hostIp).arg(m_config.port);
    const QString session = createSession(base);
    QVERIFY2(!session.isEmpty(), "could not create a session on opencode's port");
    verifyRemoteTerminal(openTerminalFromTheOtherHost(base, session), base, QStringLiteral("ws"));
}

void TestBrowserFrontDoor::cleanupTestCase()
{
    if (!m_namespace.isEmpty()) {
        QProcess::execute("bash",
                          {QStringLiteral(OCC_SOURCE_DIR "/tests/harness/remote-host.sh"), "down", m_namespace});
    }
    if (m_engine) {
        test::removeService(m_engine->client(), m_config.containerName, m_config.volumePrefix);
    }
}

QTEST_GUILESS_MAIN(TestBrowserFrontDoor)
#include "TestBrowserFrontDoor.moc"
