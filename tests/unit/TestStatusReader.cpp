// StatusReader against a fake engine and a stand-in for opencode's /global/health: every state `occ
// status` can report, and that the password goes out only to a port the engine says is ours. No Docker.

#include "cli/StatusText.h"
#include "core/config/Config.h"
#include "core/docker/DockerClient.h"
#include "core/service/StatusReader.h"
#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"
#include "support/FakeEngine.h"
#include "support/FakeEngineModel.h"
#include "support/FakeHealthServer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace occ;
using occ::test::FakeEngine;
using occ::test::FakeEngineModel;
using occ::test::FakeHealthServer;

Q_DECLARE_METATYPE(ServiceStatus::State)

class TestStatusReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void states_data();
    void states();
    void thePasswordGoesOnlyToARunningContainer_data();
    void thePasswordGoesOnlyToARunningContainer();
    void anEngineThatIsNotThereIsUnreachable();

private:
    Config m_config;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<FakeEngineModel> m_model;
    std::unique_ptr<FakeHealthServer> m_health;
};

void TestStatusReader::init()
{
    m_engine = std::make_unique<FakeEngine>();
    m_model = std::make_unique<FakeEngineModel>(m_engine.get());
    m_health = std::make_unique<FakeHealthServer>();
    m_config = Config();
    m_config.containerName = QStringLiteral("occ-status");
    m_config.opencodeVersion = QStringLiteral("1.4.0");
    m_config.port = m_health->port();
    QVERIFY(m_engine->isListening());
}

void TestStatusReader::cleanup()
{
    m_health.reset();
    m_model.reset();
    m_engine.reset();
}

void TestStatusReader::states_data()
{
    QTest::addColumn<QString>("container"); // "", "exited", "restarting", "running"
    QTest::addColumn<QString>("engineHealth");
    QTest::addColumn<int>("probeStatus");
    QTest::addColumn<ServiceStatus::State>("expected");
    QTest::addColumn<QString>("detail");
    using State = ServiceStatus::State;
    QTest::newRow("no container is stopped and not created yet") << ""
                                                                 << "" << 200 << State::Stopped << "not created yet";
    QTest::newRow("an exited container is stopped") << "exited"
                                                    << "" << 200 << State::Stopped << "exited";
    QTest::newRow("a container the engine restarts is restarting, with its exit code")
        << "restarting"
        << "" << 200 << State::Restarting << "crashed (exit code 2) and is being restarted";
    QTest::newRow("a running container the engine calls unhealthy is unhealthy")
        << "running"
        << "unhealthy" << 200 << State::Unhealthy << "running but failing its health check";
    QTest::newRow("a running container that answers 200 is healthy") << "running"
                                                                     << "starting" << 200 << State::Healthy << "";
    QTest::newRow("a 503 where the engine's last check passed is unhealthy")
        << "running"
        << "healthy" << 503 << State::Unhealthy << "HTTP 503 from /global/health";
    QTest::newRow("a 503 before the engine's first check is starting")
        << "running"
        << "starting" << 503 << State::Starting << "HTTP 503 from /global/health";
}

void TestStatusReader::states()
{
    QFETCH(QString, container);
    QFETCH(QString, engineHealth);
    QFETCH(int, probeStatus);
    QFETCH(ServiceStatus::State, expected);
    QFETCH(QString, detail);
    QString id;
    if (!container.isEmpty()) {
        FakeEngineModel::Container c;
        c.name = m_config.containerName;
        c.started = true;
        c.running = container == QLatin1String("running");
        c.restarting = container == QLatin1String("restarting");
        c.exitCode = c.restarting ? 2 : 0;
        c.restartCount = c.restarting ? 3 : 0;
        c.health = engineHealth;
        id = m_model->addContainer(c).id;
    }
    m_health->setStatus(probeStatus);
    const ServiceStatus s = StatusReader(m_config, QStringLiteral("pw"), m_engine->client()).read();
    QCOMPARE(s.state, expected);
    QCOMPARE(cli::StatusText::detail(s), detail);
    QCOMPARE(s.containerId, id);
    QCOMPARE(s.image, m_config.imageName + QStringLiteral(":1.4.0"));
    QCOMPARE(s.restartCount, container == QLatin1String("restarting") ? 3 : 0);
    QCOMPARE(s.startedAt.isValid(), container == QLatin1String("running"));
    // One ping and one inspect, side by side.
    QCOMPARE(m_engine->requests().size(), 2);
}

void TestStatusReader::thePasswordGoesOnlyToARunningContainer_data()
{
    QTest::addColumn<bool>("running");
    QTest::newRow("a stopped container's port is connected to but gets no password") << false;
    QTest::newRow("a running container's port gets one request with the password") << true;
}

void TestStatusReader::thePasswordGoesOnlyToARunningContainer()
{
    QFETCH(bool, running);
    FakeEngineModel::Container c;
    c.name = m_config.containerName;
    c.started = true;
    c.running = running;
    m_model->addContainer(c);
    const ServiceStatus s = StatusReader(m_config, QStringLiteral("pw-status"), m_engine->client()).read();
    QCOMPARE(s.state, running ? ServiceStatus::State::Healthy : ServiceStatus::State::Stopped);
    // The probe connected before the engine answered, in both cases.
    QTRY_VERIFY(m_health->connections() >= 1);
    const QList<QByteArray> requests = m_health->requests();
    QCOMPARE(requests.size(), running ? 1 : 0);
    if (running) {
        QVERIFY(requests.first().contains("Authorization: Basic " + QByteArray("opencode:pw-status").toBase64()));
    }
}

void TestStatusReader::anEngineThatIsNotThereIsUnreachable()
{
    QTemporaryDir dir;
    const auto endpoint = DockerEndpoint::parse(QStringLiteral("unix://") + dir.filePath(QStringLiteral("no.sock")));
    QVERIFY(endpoint);
    DockerNetworkAccessManager nam(*endpoint);
    DockerClient docker(&nam);
    const ServiceStatus s = StatusReader(m_config, QStringLiteral("pw"), &docker).read();
    QCOMPARE(s.state, ServiceStatus::State::EngineUnreachable);
    QCOMPARE(s.engineProblem, ServiceStatus::EngineProblem::NotRunning);
    const QString detail = cli::StatusText::detail(s);
    QVERIFY2(detail.contains(dir.filePath(QStringLiteral("no.sock"))), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("`occ setup`")), qPrintable(detail)); // as `occ status` prints it
    QVERIFY(m_health->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestStatusReader)
#include "TestStatusReader.moc"
