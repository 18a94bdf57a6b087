// The occ CLI against the real engine: setup → start → status → logs → restart → stop, with a small test
// image that keeps the service image's contract (password file, port 4096, /global/health behind basic
// auth, data volumes), and every failure a user meets: port in use, name conflict, missing image,
// permission denied, a crash that the restart policy recovers.

#include "core/config/Config.h"
#include "core/config/ConfigStore.h"
#include "core/docker/DockerClient.h"
#include "core/docker/TarWriter.h"
#include "core/service/EngineConnection.h"
#include "core/service/LogFollower.h"
#include "core/service/ServiceMonitor.h"
#include "core/service/ServiceOperation.h"
#include "support/CliRunner.h"
#include "support/OtherUser.h"
#include "support/ServiceFixture.h"
#include "support/StandInImage.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using occ::test::runOcc;

class TestCliService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_image = QStringLiteral("occ-test-svc");
    QString m_tag;
    QString m_container;
    QString m_prefix;
    int m_port = 0;
    std::unique_ptr<occ::EngineConnection> m_engine;
    occ::DockerClient* docker() { return m_engine->client(); }

    QString password() { return runOcc({QStringLiteral("password"), QStringLiteral("show")}).out.trimmed(); }

    int httpStatus(const QString& path, const QString& user, const QString& pass)
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        req.setTransferTimeout(3000);
        if (!user.isEmpty()) {
            req.setRawHeader("Authorization", "Basic " + (user + QLatin1Char(':') + pass).toUtf8().toBase64());
        }
        QNetworkReply* reply = nam.get(req);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    void set(const QString& key, const QString& value)
    {
        const auto r = runOcc({QStringLiteral("config"), QStringLiteral("set"), key, value});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
    }

    occ::ContainerInfo inspect(const QString& name)
    {
        auto info = docker()->inspectContainer(name);
        return info ? info.value() : occ::ContainerInfo{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<occ::ServiceOutcome>();
        QVERIFY(m_dir.isValid());
        m_suffix = QString::number(QRandomGenerator::global()->generate(), 16);
        m_tag = QStringLiteral("0.0.0-t") + m_suffix;
        m_container = QStringLiteral("occ-cli-") + m_suffix;
        m_prefix = QStringLiteral("occ-cli-") + m_suffix;
        qputenv("OCC_CONFIG", m_dir.filePath(QStringLiteral("config/config.json")).toUtf8());
        qunsetenv("DOCKER_HOST");

        m_engine = std::make_unique<occ::EngineConnection>(occ::Config{});
        QVERIFY2(m_engine->isValid(), qPrintable(m_engine->error()));
        auto ping = docker()->ping();
        QVERIFY2(ping.ok(), qPrintable(ping.ok() ? QString() : ping.error().userMessage()));

        auto built = occ::test::buildStandInImage(docker(), m_image + QLatin1Char(':') + m_tag);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().userMessage()));

        m_port = occ::test::freePort();
        const auto r = runOcc(
            {QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--port"), QString::number(m_port)});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        set(QStringLiteral("image.name"), m_image);
        set(QStringLiteral("image.opencode_version"), m_tag);
        set(QStringLiteral("service.container_name"), m_container);
        set(QStringLiteral("volumes.prefix"), m_prefix);
        set(QStringLiteral("health.start_timeout_seconds"), QStringLiteral("60"));
    }

    void cleanupTestCase()
    {
        if (!m_engine || !m_engine->isValid()) {
            return;
        }
        docker()->removeContainer(m_container + QStringLiteral("-foreign"), true, true);
        occ::test::removeService(docker(), m_container, m_prefix);
        docker()->removeImage(m_image + QLatin1Char(':') + m_tag, true);
        docker()->removeImage(m_image + QStringLiteral(":previous"), true);
        docker()->removeImage(m_image + QStringLiteral(":0.0.0-t") + m_suffix, true);
    }

    void startBringsTheServiceUpBehindItsPassword()
    {
        const auto r = runOcc({QStringLiteral("start")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), qPrintable(r.out));

        const QString pw = password();
        QVERIFY(pw.size() >= 24);
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), {}, {}), 401);
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), QStringLiteral("opencode"), QStringLiteral("wrong")),
                 401);
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), QStringLiteral("opencode"), pw), 200);

        // The password is in no part of the container's description, env included.
        const occ::ContainerInfo c = inspect(m_container);
        QVERIFY(c.running);
        QVERIFY(!QString::fromStdString(c.json.dump()).contains(pw));
        QCOMPARE(c.portBindings.value(0).hostIp, QStringLiteral("127.0.0.1"));

        auto status = runOcc({QStringLiteral("status")});
        QCOMPARE(status.code, 0);
        QVERIFY(status.out.contains(QStringLiteral("opencode: healthy")));
        status = runOcc({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(status.code, 0);
        QVERIFY(status.out.contains(QStringLiteral("\"state\": \"healthy\"")));
        QVERIFY(!status.all().contains(pw));

        const auto doctor = runOcc({QStringLiteral("doctor")});
        QVERIFY2(doctor.code == 0, qPrintable(doctor.all()));
        QVERIFY(doctor.out.contains(QStringLiteral("[ok] service")));
        QVERIFY(doctor.out.contains(QStringLiteral("published by the service")));
    }

    void theMonitorAndTheLogFollowerFollowTheService()
    {
        auto config = occ::ConfigStore(QString::fromUtf8(qgetenv("OCC_CONFIG"))).load();
        QVERIFY(config.ok());
        occ::ServiceMonitor monitor;
        QSignalSpy changed(&monitor, &occ::ServiceMonitor::statusChanged);
        monitor.setConfig(config.value(), password());
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.status().state == occ::ServiceStatus::State::Healthy, 15000);

        occ::LogFollower follower;
        QSignalSpy lines(&follower, &occ::LogFollower::linesReceived);
        follower.setConfig(config.value());
        follower.start();
        QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), 10000);
        const auto first = lines.first().first().value<QVector<occ::LogLine>>();
        QVERIFY(std::any_of(first.begin(), first.end(), [](const occ::LogLine& l) {
            return l.stream == occ::LogLine::Stream::Stderr && l.text == QLatin1String("a line on stderr");
        }));

        // A stop from elsewhere reaches the monitor through the events stream, well before its 10 s probe.
        occ::ServiceOperation* stop =
            new occ::ServiceOperation(occ::ServiceOperation::Kind::Stop, config.value(), password());
        QSignalSpy stopped(stop, &occ::ServiceOperation::finished);
        stop->start();
        QVERIFY(stopped.wait(30000));
        const auto stopOutcome = stopped.first().first().value<occ::ServiceOutcome>();
        QVERIFY2(stopOutcome.ok(), qPrintable(stopOutcome.error.message));
        QTRY_VERIFY_WITH_TIMEOUT(monitor.status().state == occ::ServiceStatus::State::Stopped, 5000);

        occ::ServiceOperation* start =
            new occ::ServiceOperation(occ::ServiceOperation::Kind::Start, config.value(), password());
        QSignalSpy started(start, &occ::ServiceOperation::finished);
        start->start();
        QVERIFY(started.wait(60000));
        const auto startOutcome = started.first().first().value<occ::ServiceOutcome>();
        QVERIFY2(startOutcome.ok(), qPrintable(startOutcome.error.message));
        QTRY_VERIFY_WITH_TIMEOUT(monitor.status().state == occ::ServiceStatus::State::Healthy, 15000);
        // The follower re-attached to the new run of the container.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(lines.begin(), lines.end(),
                                             [](const QList<QVariant>& batch) {
                                                 const auto v = batch.first().value<QVector<occ::LogLine>>();
                                                 return std::any_of(v.begin(), v.end(), [](const occ::LogLine& l) {
                                                     return l.text.contains(QLatin1String("boot 2"));
                                                 });
                                             }),
                                 15000);
        QVERIFY(changed.count() >= 3);
    }

    void startIsIdempotent()
    {
        const QString before = inspect(m_container).id;
        const auto r = runOcc({QStringLiteral("start")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("already running")), qPrintable(r.out));
        QCOMPARE(inspect(m_container).id, before);
    }

    void logsSeparateStdoutAndStderr()
    {
        const auto r = runOcc({QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("10")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("test service starting, boot 1")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("a line on stderr")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("a line on stderr")), qPrintable(r.err));
        const auto ts = runOcc({QStringLiteral("logs"), QStringLiteral("--timestamps")});
        QVERIFY(ts.out.contains(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT[^ ]+ test service"),
                                                   QRegularExpression::MultilineOption)));
    }

    void logsFollowAcrossARestart()
    {
        QProcess follow;
        follow.start(QStringLiteral(OCC_BINARY_DIR "/cli/occ"), {QStringLiteral("logs"), QStringLiteral("-f")});
        QVERIFY(follow.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).contains("boot 2"), 10000);
        const auto r = runOcc({QStringLiteral("restart")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).contains("boot 3"), 20000);
        QCOMPARE(seen.count("boot 2"), 1); // re-attached after the last line, not from the start
        // A manual stop ends the follow.
        QCOMPARE(runOcc({QStringLiteral("stop")}).code, 0);
        QVERIFY2(follow.waitForFinished(20000), "occ logs -f kept running after the service stopped");
        QCOMPARE(follow.exitCode(), 0);
        QCOMPARE(runOcc({QStringLiteral("status")}).code, 6);
    }

    void stopKeepsTheVolumes()
    {
        for (const char* role : {"data", "config", "state", "workspace"}) {
            QVERIFY2(docker()->inspectVolume(m_prefix + QLatin1Char('-') + role).ok(), qPrintable(role));
        }
        QCOMPARE(runOcc({QStringLiteral("stop")}).code, 0); // idempotent
    }

    void aChangedPortRecreatesTheContainerOnTheSameVolumes()
    {
        QVERIFY(runOcc({QStringLiteral("start")}).code == 0);
        const QString before = inspect(m_container).id;
        m_port = occ::test::freePort();
        set(QStringLiteral("network.port"), QString::number(m_port));
        const auto r = runOcc({QStringLiteral("start")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("recreating")), qPrintable(r.out));
        QVERIFY(inspect(m_container).id != before);
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), QStringLiteral("opencode"), password()), 200);
        // The data volume carried the boot counter over: this is the fourth boot.
        QVERIFY2(runOcc({QStringLiteral("logs")}).out.contains(QStringLiteral("boot 5")),
                 qPrintable(runOcc({QStringLiteral("logs")}).out));
    }

    void aCrashIsRecoveredByTheRestartPolicy()
    {
        const occ::ContainerInfo before = inspect(m_container);
        QVERIFY(before.running && before.pid > 0);
        // kill -9 from the host: `docker kill` would count as a manual stop and never restart.
        QCOMPARE(::kill(static_cast<pid_t>(before.pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(inspect(m_container).restartCount >= 1 && inspect(m_container).running, 30000);
        const auto r = runOcc({QStringLiteral("start")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        const auto status = runOcc({QStringLiteral("status")});
        QCOMPARE(status.code, 0);
        QVERIFY2(status.out.contains(QStringLiteral("restarts: 1")), qPrintable(status.out));
    }

    void aPasswordRotationRestartsWithTheNewPassword()
    {
        const QString old = password();
        const auto r = runOcc({QStringLiteral("password"), QStringLiteral("rotate")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        const QString fresh = password();
        QVERIFY(fresh != old);
        QVERIFY(!r.all().contains(fresh));
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), QStringLiteral("opencode"), old), 401);
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), QStringLiteral("opencode"), fresh), 200);
    }

    void anUpdateRecreatesTheContainerOnTheSameVolumes()
    {
        // The "new version" is the same test image under another tag: update must not care.
        const QString next = QStringLiteral("0.0.1-t") + m_suffix;
        QVERIFY(docker()->tagImage(m_image + QLatin1Char(':') + m_tag, m_image, next).ok());
        const QString before = inspect(m_container).id;
        const auto r = runOcc({QStringLiteral("update"), QStringLiteral("--version"), next});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QStringLiteral("downtime")), qPrintable(r.out));
        const occ::ContainerInfo after = inspect(m_container);
        QVERIFY(after.id != before);
        QCOMPARE(after.image, m_image + QLatin1Char(':') + next);
        QVERIFY(docker()->imageExists(m_image + QStringLiteral(":previous")).value());
        QCOMPARE(runOcc({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("image.opencode_version")})
                     .out.trimmed(),
                 next);
        QCOMPARE(httpStatus(QStringLiteral("/global/health"), QStringLiteral("opencode"), password()), 200);
        m_tag = next;
    }

    void aFailedUpdateRollsBack()
    {
        occ::TarWriter tar;
        tar.addFile(QStringLiteral("Dockerfile"),
                    "FROM occ-test-busybox:latest\nENTRYPOINT [\"sh\", \"-c\", \"exit 3\"]\n");
        const QString broken = QStringLiteral("0.0.2-broken") + m_suffix;
        occ::BuildOptions options;
        options.tags = {m_image + QLatin1Char(':') + broken};
        QVERIFY(docker()->buildImage(tar.data(), options).ok());
        const auto r = runOcc({QStringLiteral("update"), QStringLiteral("--version"), broken});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Rolled back")), qPrintable(r.err));
        QCOMPARE(inspect(m_container).image, m_image + QLatin1Char(':') + m_tag);
        QCOMPARE(runOcc({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("image.opencode_version")})
                     .out.trimmed(),
                 m_tag);
        QCOMPARE(runOcc({QStringLiteral("status")}).code, 0);
        docker()->removeImage(m_image + QLatin1Char(':') + broken, true);
    }

    void aPortInUseIsExplained()
    {
        QCOMPARE(runOcc({QStringLiteral("stop")}).code, 0);
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        set(QStringLiteral("network.port"), QString::number(blocker.serverPort()));
        const auto r = runOcc({QStringLiteral("start")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Port %1").arg(blocker.serverPort())), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("network.port")), qPrintable(r.err));
        const auto doctor = runOcc({QStringLiteral("doctor")});
        QVERIFY2(doctor.out.contains(QStringLiteral("is in use by TestCliService")), qPrintable(doctor.out));
        blocker.close();
        m_port = occ::test::freePort();
        set(QStringLiteral("network.port"), QString::number(m_port));
    }

    void aForeignContainerWithOurNameIsNotTouched()
    {
        occ::ContainerSpec spec;
        spec.image = QStringLiteral("occ-test-busybox:latest");
        spec.cmd = {QStringLiteral("sleep"), QStringLiteral("600")};
        const QString foreign = m_container + QStringLiteral("-foreign");
        auto id = docker()->createContainer(foreign, spec);
        QVERIFY(id.ok());
        set(QStringLiteral("service.container_name"), foreign);
        const auto r = runOcc({QStringLiteral("start")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not made by opencode-cloud")), qPrintable(r.err));
        QVERIFY(docker()->inspectContainer(foreign).ok()); // still there
        docker()->removeContainer(foreign, true);
        set(QStringLiteral("service.container_name"), m_container);
    }

    void aMissingImageIsExplained()
    {
        set(QStringLiteral("image.opencode_version"), QStringLiteral("0.0.0-no-such-tag"));
        const auto r = runOcc({QStringLiteral("start")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("occ-test-svc:0.0.0-no-such-tag")), qPrintable(r.err));
        set(QStringLiteral("image.opencode_version"), m_tag);
    }

    void permissionDeniedIsExitCode3()
    {
        // A user outside the docker group: the real binary, run as nobody with its own config.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QVERIFY(QFile::setPermissions(home.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("OCC_CONFIG"), home.filePath(QStringLiteral("cfg/config.json")));
        env.remove(QStringLiteral("DOCKER_HOST"));
        const QString runuser = QStringLiteral("/usr/sbin/runuser");
        QVERIFY(QFileInfo::exists(runuser));
        QTemporaryDir bin;
        const QString occBinary = occ::test::executableForOtherUsers(QStringLiteral(OCC_BINARY_DIR "/cli/occ"), bin);
        QVERIFY(!occBinary.isEmpty());
        auto asNobody = [&](const QStringList& args) {
            return occ::test::runOccBinary(
                QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), occBinary} + args,
                env, runuser);
        };
        const auto setup =
            asNobody({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")});
        QVERIFY2(setup.code == 0, qPrintable(setup.all()));
        const auto status = asNobody({QStringLiteral("status")});
        QCOMPARE(status.code, 3);
        QVERIFY2(status.out.contains(QStringLiteral("engine-unreachable")), qPrintable(status.all()));
        const auto start = asNobody({QStringLiteral("start")});
        QCOMPARE(start.code, 3);
        QVERIFY2(start.err.contains(QStringLiteral("docker group")) || start.err.contains(QStringLiteral("usermod")),
                 qPrintable(start.err));
    }
};

QTEST_GUILESS_MAIN(TestCliService)
#include "TestCliService.moc"
