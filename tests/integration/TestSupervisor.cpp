// `occ run`, the supervisor an OS service manager keeps alive, as the real binary in a child process
// against the real engine and a small stand-in service image (the opencode image's contract: password
// file, port 4096, /global/health behind basic auth). Every fault comes from outside, as in real life:
// the container's main process killed from the host, a `docker kill`, a server that hangs (SIGSTOP),
// an image that keeps crashing, and SIGTERM to `occ run` itself.

#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/docker/TarWriter.h"
#include "core/service/EngineConnection.h"
#include "support/CliRunner.h"
#include "support/ServiceFixture.h"
#include "support/StandInImage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using occ::test::runOcc;

namespace {

// The children of a host pid (the container's entrypoint), from /proc: thread-level lists, merged.
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> out;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/children")));
        if (f.open(QIODevice::ReadOnly)) {
            for (const QByteArray& c : f.readAll().split(' ')) {
                if (!c.trimmed().isEmpty()) {
                    out << c.trimmed().toLongLong();
                }
            }
        }
    }
    return out;
}

QString commOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

// "T" (stopped) in /proc/<pid>/stat's third field.
QChar stateOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) {
        return QLatin1Char('?');
    }
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')');
    return close > 0 && close + 2 < s.size() ? QLatin1Char(s.at(close + 2)) : QLatin1Char('?');
}

} // namespace

class TestSupervisor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_image = QStringLiteral("occ-test-sup");
    QString m_tag;
    QString m_container;
    QString m_prefix;
    int m_port = 0;
    std::unique_ptr<occ::EngineConnection> m_engine;
    std::unique_ptr<QProcess> m_run;
    QString m_log; // stderr of the current `occ run`
    occ::DockerClient* docker() { return m_engine->client(); }

    void set(const QString& key, const QString& value)
    {
        const auto r = runOcc({QStringLiteral("config"), QStringLiteral("set"), key, value});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
    }

    QString password() { return runOcc({QStringLiteral("password"), QStringLiteral("show")}).out.trimmed(); }

    int healthStatus(int timeoutMs = 2000)
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/global/health").arg(m_port)));
        req.setTransferTimeout(timeoutMs);
        req.setRawHeader("Authorization", "Basic " + (QStringLiteral("opencode:") + password()).toUtf8().toBase64());
        QNetworkReply* reply = nam.get(req);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    occ::ContainerInfo inspect()
    {
        auto info = docker()->inspectContainer(m_container);
        return info ? info.value() : occ::ContainerInfo{};
    }

    int count(const QString& needle) const { return m_log.count(needle); }

    // Starts the real `occ run` and waits until it reports the service up and the port answers.
    void startRun()
    {
        m_log.clear();
        m_run = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OCC_CONFIG"), QString::fromUtf8(qgetenv("OCC_CONFIG")));
        m_run->setProcessEnvironment(env);
        connect(m_run.get(), &QProcess::readyReadStandardError, this,
                [this]() { m_log += QString::fromUtf8(m_run->readAllStandardError()); });
        connect(m_run.get(), &QProcess::readyReadStandardOutput, this,
                [this]() { m_log += QString::fromUtf8(m_run->readAllStandardOutput()); });
        m_run->start(QStringLiteral(OCC_BINARY_DIR "/cli/occ"), {QStringLiteral("run")});
        QVERIFY2(m_run->waitForStarted(10000), qPrintable(m_run->errorString()));
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY2_WITH_TIMEOUT(m_log.contains(QStringLiteral("opencode is up at")), qPrintable(m_log), 90000);
        QCOMPARE(m_run->state(), QProcess::Running);
        QVERIFY(inspect().running);
        QCOMPARE(healthStatus(), 200);
        qInfo("occ run: service up and healthy after %lld ms", t.elapsed());
    }

    // SIGTERM to `occ run`: it must stop the container and exit 0.
    void stopRun()
    {
        QVERIFY(m_run);
        QCOMPARE(m_run->state(), QProcess::Running);
        QElapsedTimer t;
        t.start();
        ::kill(static_cast<pid_t>(m_run->processId()), SIGTERM);
        QVERIFY2(m_run->waitForFinished(60000), qPrintable(m_log));
        m_log += QString::fromUtf8(m_run->readAllStandardError());
        QCOMPARE(m_run->exitStatus(), QProcess::NormalExit);
        QVERIFY2(m_run->exitCode() == 0, qPrintable(m_log));
        QVERIFY2(m_log.contains(QStringLiteral("stop requested")), qPrintable(m_log));
        const occ::ContainerInfo c = inspect();
        QVERIFY2(!c.id.isEmpty(), "the container must stay (stopped, not removed)");
        QVERIFY(!c.running);
        QVERIFY(!c.restarting);
        // Clean: the entrypoint's TERM trap ran (exit 0), no SIGKILL after the stop timeout (137).
        QCOMPARE(c.exitCode, 0);
        qInfo("SIGTERM → container stopped and occ run exited 0 in %lld ms", t.elapsed());
        // And it stays down: neither Docker's policy nor anything else brings it back.
        QTest::qWait(3000);
        QVERIFY(!inspect().running);
    }

    // The httpd serving the health endpoint, as a host pid.
    qint64 serverPid()
    {
        const occ::ContainerInfo c = inspect();
        if (c.pid <= 0) {
            return 0;
        }
        for (qint64 child : childrenOf(c.pid)) {
            if (commOf(child) == QLatin1String("httpd")) {
                return child;
            }
        }
        return 0;
    }

    // Waits until the supervisor logged its recovery `times` times and the service answers again.
    void waitRecovered(int times, int timeoutMs = 60000)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(count(QStringLiteral("opencode is back after")) >= times, qPrintable(m_log),
                                  timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(healthStatus(), 200, 20000);
        QCOMPARE(m_run->state(), QProcess::Running);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(::geteuid() == 0, "kills and stops container processes from the host: run as root");
        m_suffix = QString::number(QRandomGenerator::global()->generate(), 16);
        m_tag = QStringLiteral("0.0.0-t") + m_suffix;
        m_container = QStringLiteral("occ-sup-") + m_suffix;
        m_prefix = QStringLiteral("occ-sup-") + m_suffix;
        qputenv("OCC_CONFIG", m_dir.filePath(QStringLiteral("config/config.json")).toUtf8());
        qunsetenv("DOCKER_HOST");

        m_engine = std::make_unique<occ::EngineConnection>(occ::Config{});
        QVERIFY2(m_engine->isValid(), qPrintable(m_engine->error()));

        const QString ref = m_image + QLatin1Char(':') + m_tag;
        auto built = occ::test::buildStandInImage(docker(), ref);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().userMessage()));
        built = occ::test::buildStandInImage(docker(), ref + QStringLiteral("-crashy"), "ENV OCC_TEST_CRASH_AFTER=4\n");
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().userMessage()));
        built = occ::test::buildStandInImage(docker(), ref + QStringLiteral("-silent"), "ENV OCC_TEST_SILENT=1\n");
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
        set(QStringLiteral("health.probe_interval_seconds"), QStringLiteral("2"));
        set(QStringLiteral("health.failure_threshold"), QStringLiteral("2"));
        set(QStringLiteral("restart.delay_seconds"), QStringLiteral("1"));
        set(QStringLiteral("restart.max_retries"), QStringLiteral("2"));
        set(QStringLiteral("restart.window_seconds"), QStringLiteral("120"));
    }

    // Every case starts from no container, policy "no" (only the supervisor restarts) and the good image.
    void init()
    {
        docker()->removeContainer(m_container, true);
        set(QStringLiteral("restart.policy"), QStringLiteral("no"));
        set(QStringLiteral("image.opencode_version"), m_tag);
    }

    void cleanup()
    {
        if (m_run && m_run->state() != QProcess::NotRunning) {
            m_run->kill();
            m_run->waitForFinished(10000);
        }
        if (QTest::currentTestFailed()) {
            qWarning("occ run said:\n%s", qPrintable(m_log));
        }
        m_run.reset();
    }

    void cleanupTestCase()
    {
        if (!m_engine || !m_engine->isValid()) {
            return;
        }
        occ::test::removeService(docker(), m_container, m_prefix);
        docker()->removeImage(m_image + QLatin1Char(':') + m_tag + QStringLiteral("-crashy"), true);
        docker()->removeImage(m_image + QLatin1Char(':') + m_tag + QStringLiteral("-silent"), true);
        docker()->removeImage(m_image + QLatin1Char(':') + m_tag, true);
    }

    void startsTheServiceAndStopsItOnSigterm()
    {
        startRun();
        // A few healthy probe rounds: nothing restarted, nothing complained.
        QTest::qWait(5000);
        QCOMPARE(count(QStringLiteral("restarting opencode")), 0);
        QCOMPARE(count(QStringLiteral("health probe failed")), 0);
        QCOMPARE(inspect().json["HostConfig"]["RestartPolicy"]["Name"].get<std::string>(), std::string("no"));
        stopRun();
    }

    void sigtermCancelsAStartThatWaitsForHealth()
    {
        // A service that never answers: the start waits up to health.start_timeout_seconds (60 s). A stop
        // from the service manager must not wait for that (systemd would SIGKILL after TimeoutStopSec).
        set(QStringLiteral("image.opencode_version"), m_tag + QStringLiteral("-silent"));
        m_log.clear();
        m_run = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OCC_CONFIG"), QString::fromUtf8(qgetenv("OCC_CONFIG")));
        m_run->setProcessEnvironment(env);
        m_run->setProcessChannelMode(QProcess::MergedChannels);
        m_run->start(QStringLiteral(OCC_BINARY_DIR "/cli/occ"), {QStringLiteral("run")});
        QVERIFY(m_run->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(inspect().running, 30000);
        QTest::qWait(2000);
        QElapsedTimer t;
        t.start();
        ::kill(static_cast<pid_t>(m_run->processId()), SIGTERM);
        QVERIFY(m_run->waitForFinished(30000));
        m_log = QString::fromUtf8(m_run->readAll());
        QVERIFY2(t.elapsed() < 20000, qPrintable(m_log));
        QCOMPARE(m_run->exitStatus(), QProcess::NormalExit);
        QVERIFY2(m_run->exitCode() == 0, qPrintable(m_log));
        QVERIFY2(m_log.contains(QStringLiteral("stop requested while starting")), qPrintable(m_log));
        QVERIFY(!inspect().running);
        QCOMPARE(inspect().exitCode, 0);
        qInfo("SIGTERM while waiting for health → stopped and exited 0 in %lld ms", t.elapsed());
    }

    void aCrashIsRecovered()
    {
        startRun();
        const occ::ContainerInfo before = inspect();
        QVERIFY(before.pid > 0);
        QElapsedTimer t;
        t.start();
        QCOMPARE(::kill(static_cast<pid_t>(before.pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!inspect().running || inspect().pid != before.pid, 10000);
        waitRecovered(1);
        QVERIFY2(m_log.contains(QStringLiteral("the container stopped (exit code 137)")), qPrintable(m_log));
        const occ::ContainerInfo after = inspect();
        QVERIFY(after.running);
        QVERIFY(after.pid != before.pid);
        qInfo("kill -9 of the container's main process → healthy again after %lld ms", t.elapsed());
        stopRun();
    }

    void aDockerKillIsRecovered()
    {
        startRun();
        const qint64 pid = inspect().pid;
        QElapsedTimer t;
        t.start();
        auto killed = docker()->killContainer(m_container);
        QVERIFY2(killed.ok(), qPrintable(killed.ok() ? QString() : killed.error().userMessage()));
        QVERIFY(!inspect().running);
        waitRecovered(1);
        QVERIFY2(m_log.contains(QStringLiteral("restarting opencode: the container stopped")), qPrintable(m_log));
        QVERIFY(inspect().pid != pid);
        qInfo("docker kill → healthy again after %lld ms", t.elapsed());
        stopRun();
    }

    void aHungServiceIsRestartedByTheWatchdog()
    {
        startRun();
        const qint64 httpd = serverPid();
        QVERIFY2(httpd > 0, "no httpd among the children of the container's main process");
        const qint64 mainPid = inspect().pid;
        QElapsedTimer t;
        t.start();
        QCOMPARE(::kill(static_cast<pid_t>(httpd), SIGSTOP), 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(httpd), QLatin1Char('T'), 5000);
        // The container still runs (Docker sees nothing wrong), but the endpoint does not answer.
        QVERIFY(inspect().running);
        QVERIFY(healthStatus(1500) != 200);
        QTRY_VERIFY2_WITH_TIMEOUT(m_log.contains(QStringLiteral("failed health probes in a row (hung)")),
                                  qPrintable(m_log), 60000);
        QVERIFY2(m_log.contains(QStringLiteral("health probe failed (1/2)")), qPrintable(m_log));
        waitRecovered(1);
        QVERIFY(inspect().pid != mainPid);
        const qint64 fresh = serverPid();
        QVERIFY(fresh > 0 && fresh != httpd);
        QVERIFY(stateOf(fresh) != QLatin1Char('T'));
        qInfo("SIGSTOP of the server → restarted by the watchdog and healthy after %lld ms", t.elapsed());
        stopRun();
    }

    void theCircuitBreakerOpensOnACrashLoop()
    {
        set(QStringLiteral("image.opencode_version"), m_tag + QStringLiteral("-crashy"));
        startRun();
        QElapsedTimer t;
        t.start();
        // Crashes 4 s after every start: restarted twice (restart.max_retries), then it gives up.
        QVERIFY2(m_run->waitForFinished(120000), qPrintable(m_log));
        m_log += QString::fromUtf8(m_run->readAllStandardError());
        QCOMPARE(m_run->exitStatus(), QProcess::NormalExit);
        QVERIFY2(m_run->exitCode() != 0, qPrintable(m_log));
        QCOMPARE(count(QStringLiteral("opencode is back after")), 2);
        QVERIFY2(
            m_log.contains(QRegularExpression(QStringLiteral("restarted 2 times within 120 s already; giving up"))),
            qPrintable(m_log));
        QVERIFY(!inspect().running);
        qInfo("crash loop → gave up after 2 restarts, exit code %d, in %lld ms", m_run->exitCode(), t.elapsed());
    }

    void theCircuitBreakerOpensWhenItKeepsHanging()
    {
        startRun();
        QElapsedTimer t;
        t.start();
        // Hang the server again each time the supervisor reports it healthy (up, or back after a
        // restart): the watchdog restarts twice, then gives up.
        int hung = 0;
        QElapsedTimer limit;
        limit.start();
        while (m_run->state() == QProcess::Running && limit.elapsed() < 150000) {
            const int healthyRuns =
                count(QStringLiteral("opencode is up at")) + count(QStringLiteral("opencode is back after"));
            const qint64 httpd = healthyRuns > hung ? serverPid() : 0;
            if (httpd > 0 && ::kill(static_cast<pid_t>(httpd), SIGSTOP) == 0) {
                ++hung;
            }
            QTest::qWait(200);
        }
        QCOMPARE(hung, 3);
        // (waitForFinished() is false for a process that already finished.)
        QVERIFY2(m_run->state() == QProcess::NotRunning || m_run->waitForFinished(10000), qPrintable(m_log));
        m_log += QString::fromUtf8(m_run->readAllStandardError());
        QCOMPARE(m_run->exitStatus(), QProcess::NormalExit);
        QVERIFY2(m_run->exitCode() != 0, qPrintable(m_log));
        QCOMPARE(count(QStringLiteral("failed health probes in a row (hung)")), 2);
        QVERIFY2(m_log.contains(QStringLiteral("gave up after 2 restarts within 120 s")), qPrintable(m_log));
        qInfo("hang loop → gave up after 2 watchdog restarts, exit code %d, in %lld ms", m_run->exitCode(),
              t.elapsed());
        // It gave up on a hung container: that one is stopped too, not left holding the port.
        QVERIFY(!inspect().running);
    }

    void dockersPolicyAndTheSupervisorDoNotFight()
    {
        set(QStringLiteral("restart.policy"), QStringLiteral("unless-stopped"));
        startRun();
        QCOMPARE(inspect().json["HostConfig"]["RestartPolicy"]["Name"].get<std::string>(),
                 std::string("unless-stopped"));
        const occ::ContainerInfo before = inspect();

        // A crash: Docker's policy restarts it, the supervisor leaves it alone.
        QCOMPARE(::kill(static_cast<pid_t>(before.pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(inspect().restartCount >= 1 && inspect().running, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(healthStatus(), 200, 20000);
        QTest::qWait(6000); // three probe rounds
        const occ::ContainerInfo afterCrash = inspect();
        QCOMPARE(afterCrash.id, before.id); // not recreated
        QCOMPARE(afterCrash.restartCount, 1); // restarted once, by Docker only
        QVERIFY2(count(QStringLiteral("restarting opencode")) == 0, qPrintable(m_log));

        // A docker kill is a manual stop Docker does not undo: the supervisor does.
        auto killed = docker()->killContainer(m_container);
        QVERIFY(killed.ok());
        waitRecovered(1);
        QCOMPARE(count(QStringLiteral("restarting opencode")), 1);
        QCOMPARE(inspect().id, before.id);
        stopRun();
    }
};

QTEST_GUILESS_MAIN(TestSupervisor)
#include "TestSupervisor.moc"
