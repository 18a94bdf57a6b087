// End to end with the real parts: our image built from the embedded Dockerfile on a debootstrapped
// Debian base, the real opencode binary from npm, the real engine, driven through the occ CLI.
// setup → start → basic auth → a session → crash → restart policy → stop/start → update → config change.
// The image is built once per machine (occ-e2e-opencode:<pinned version>) and reused.

#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/service/EngineConnection.h"
#include "core/util/Version.h"
#include "support/CliRunner.h"
#include "support/ServiceFixture.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using occ::test::runOcc;

namespace {

QString harness(const QString& script)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral("bash"), {QStringLiteral(OCC_SOURCE_DIR "/tests/harness/") + script});
    if (!p.waitForFinished(15 * 60 * 1000) || p.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char('\n')).last();
}

struct Http
{
    int status = 0;
    QByteArray body;
};

} // namespace

class TestServiceE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_container;
    QString m_prefix;
    const QString m_image = QStringLiteral("occ-e2e-opencode");
    int m_port = 0;
    QString m_sessionId;
    std::unique_ptr<occ::EngineConnection> m_engine;
    occ::DockerClient* docker() { return m_engine->client(); }

    QString password() { return runOcc({QStringLiteral("password"), QStringLiteral("show")}).out.trimmed(); }

    Http http(const QByteArray& verb, const QString& path, const QString& user, const QString& pass,
              const QByteArray& body = {})
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        req.setTransferTimeout(5000);
        if (!user.isEmpty()) {
            req.setRawHeader("Authorization", "Basic " + (user + QLatin1Char(':') + pass).toUtf8().toBase64());
        }
        if (!body.isEmpty()) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        }
        QNetworkReply* reply = nam.sendCustomRequest(req, verb, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Http r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return r;
    }

    bool sessionExists()
    {
        const Http r = http("GET", QStringLiteral("/session"), QStringLiteral("opencode"), password());
        if (r.status != 200) {
            return false;
        }
        for (const QJsonValue& v : QJsonDocument::fromJson(r.body).array()) {
            if (v.toObject().value(QStringLiteral("id")).toString() == m_sessionId) {
                return true;
            }
        }
        return false;
    }

    void set(const QString& key, const QString& value)
    {
        const auto r = runOcc({QStringLiteral("config"), QStringLiteral("set"), key, value});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
    }

    occ::ContainerInfo inspect()
    {
        auto info = docker()->inspectContainer(m_container);
        return info ? info.value() : occ::ContainerInfo{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_suffix = QString::number(QRandomGenerator::global()->generate(), 16);
        m_container = QStringLiteral("occ-e2e-") + m_suffix;
        m_prefix = QStringLiteral("occ-e2e-") + m_suffix;
        qputenv("OCC_CONFIG", m_dir.filePath(QStringLiteral("config/config.json")).toUtf8());
        qunsetenv("DOCKER_HOST");
        m_engine = std::make_unique<occ::EngineConnection>(occ::Config{});
        QVERIFY(m_engine->isValid());

        const QString base = harness(QStringLiteral("base-image.sh"));
        QVERIFY2(!base.isEmpty(), "tests/harness/base-image.sh failed");
        const QString binary = harness(QStringLiteral("opencode-binary.sh"));
        QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(QStringLiteral("no opencode binary: ") + binary));

        m_port = occ::test::freePort();
        const auto r = runOcc(
            {QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--port"), QString::number(m_port)});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        set(QStringLiteral("image.name"), m_image);
        set(QStringLiteral("image.base"), base);
        set(QStringLiteral("image.opencode_binary"), binary);
        set(QStringLiteral("service.container_name"), m_container);
        set(QStringLiteral("volumes.prefix"), m_prefix);
        set(QStringLiteral("restart.policy"), QStringLiteral("on-failure"));
        set(QStringLiteral("restart.max_retries"), QStringLiteral("3"));
    }

    void cleanupTestCase()
    {
        if (!m_engine) {
            return;
        }
        occ::test::removeService(docker(), m_container, m_prefix);
        docker()->removeImage(m_image + QStringLiteral(":previous"), false);
    }

    void startBuildsTheImageAndServesOpencode()
    {
        QElapsedTimer timer;
        timer.start();
        const auto r = runOcc({QStringLiteral("start")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        qInfo("occ start (image build included when missing): %.1f s", double(timer.elapsed()) / 1000.0);
        const auto image = docker()->inspectImage(m_image + QLatin1Char(':') + occ::pinnedOpencodeVersion());
        QVERIFY(image.ok());
        QCOMPARE(image->labels.value(QStringLiteral("org.opencode-cloud.opencode-version")),
                 occ::pinnedOpencodeVersion());
    }

    void basicAuthGuardsEverything()
    {
        const QString pw = password();
        for (const QString& path : {QStringLiteral("/"), QStringLiteral("/global/health")}) {
            QCOMPARE(http("GET", path, {}, {}).status, 401);
            QCOMPARE(http("GET", path, QStringLiteral("opencode"), QStringLiteral("not-the-password")).status, 401);
            QCOMPARE(http("GET", path, QStringLiteral("opencode"), pw).status, 200);
        }
        const Http health = http("GET", QStringLiteral("/global/health"), QStringLiteral("opencode"), pw);
        QVERIFY2(health.body.contains("\"healthy\":true"), health.body.constData());
        QVERIFY2(http("GET", QStringLiteral("/"), QStringLiteral("opencode"), pw).body.contains("<html"),
                 "the web UI did not come back");
    }

    void theSecretIsNowhereToBeSeen()
    {
        const QString pw = password();
        const occ::ContainerInfo c = inspect();
        QVERIFY(!QString::fromStdString(c.json.dump()).contains(pw));
        QProcess ps;
        ps.start(QStringLiteral("ps"), {QStringLiteral("-eo"), QStringLiteral("args")});
        QVERIFY(ps.waitForFinished());
        QVERIFY(!ps.readAllStandardOutput().contains(pw.toUtf8()));
        QVERIFY(!runOcc({QStringLiteral("logs")}).all().contains(pw));
        QVERIFY(!runOcc({QStringLiteral("status"), QStringLiteral("-vv")}).all().contains(pw));
    }

    void aSessionSurvivesACrash()
    {
        const Http created = http("POST", QStringLiteral("/session"), QStringLiteral("opencode"), password(),
                                  QByteArrayLiteral("{\"title\":\"e2e\"}"));
        QCOMPARE(created.status, 200);
        m_sessionId = QJsonDocument::fromJson(created.body).object().value(QStringLiteral("id")).toString();
        QVERIFY2(!m_sessionId.isEmpty(), created.body.constData());
        QVERIFY(sessionExists());

        const occ::ContainerInfo before = inspect();
        QVERIFY(before.pid > 0);
        // The main process, killed from the host: not `docker kill`, which counts as a manual stop.
        QCOMPARE(::kill(static_cast<pid_t>(before.pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(inspect().restartCount >= 1 && inspect().running, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(runOcc({QStringLiteral("status")}).code == 0, 60000);
        QVERIFY(sessionExists());
    }

    void aSessionSurvivesStopAndStart()
    {
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runOcc({QStringLiteral("stop")}).code, 0);
        qInfo("occ stop: %.2f s", double(timer.elapsed()) / 1000.0);
        QCOMPARE(runOcc({QStringLiteral("status")}).code, 6);
        const auto r = runOcc({QStringLiteral("start")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(sessionExists());
    }

    void aSessionSurvivesAnUpdate()
    {
        const QString before = inspect().id;
        const auto r = runOcc({QStringLiteral("update"), QStringLiteral("--rebuild")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(inspect().id != before);
        QVERIFY(sessionExists());
    }

    void aChangedPortRecreatesTheContainer()
    {
        const QString before = inspect().id;
        m_port = occ::test::freePort();
        set(QStringLiteral("network.port"), QString::number(m_port));
        const auto r = runOcc({QStringLiteral("start")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(inspect().id != before);
        QVERIFY(sessionExists());
        QVERIFY(!QString::fromStdString(inspect().json.dump()).contains(password()));
    }
};

QTEST_GUILESS_MAIN(TestServiceE2E)
#include "TestServiceE2E.moc"
