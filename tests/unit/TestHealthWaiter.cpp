// HealthWaiter against a fake engine and a stand-in for opencode's /global/health: when the service
// counts as up, when it gives up, and how often it asks meanwhile. No Docker needed.

#include "core/config/Config.h"
#include "core/service/HealthWaiter.h"
#include "support/FakeEngine.h"
#include "support/FakeEngineModel.h"
#include "support/FakeHealthServer.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace occ;
using occ::test::FakeEngine;
using occ::test::FakeEngineModel;
using occ::test::FakeHealthServer;

class TestHealthWaiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void succeedsOnceOpencodeAnswers200();
    void keepsAskingWhileOpencodeAnswersOtherwise();
    void timesOutWithGrowingIntervals();
    void reportsTheExitCodeWhenTheContainerStops();
    void aLostContainerIsAnError();
    void aCancelStopsBeforeAsking();

private:
    QString addContainer(bool running, int exitCode = 0);
    int inspections() const { return m_engine->requests("GET", QStringLiteral("/containers/.*/json")).size(); }

    Config m_config;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<FakeEngineModel> m_model;
    std::unique_ptr<FakeHealthServer> m_health;
};

void TestHealthWaiter::init()
{
    m_engine = std::make_unique<FakeEngine>();
    m_model = std::make_unique<FakeEngineModel>(m_engine.get());
    m_health = std::make_unique<FakeHealthServer>();
    m_config = Config();
    m_config.containerName = QStringLiteral("occ-health");
    m_config.port = m_health->port();
    m_config.healthTimeoutSeconds = 1;
    QVERIFY(m_engine->isListening());
    QVERIFY(m_health->port() > 0);
}

void TestHealthWaiter::cleanup()
{
    m_health.reset();
    m_model.reset();
    m_engine.reset();
}

QString TestHealthWaiter::addContainer(bool running, int exitCode)
{
    FakeEngineModel::Container c;
    c.name = m_config.containerName;
    c.running = running;
    c.started = true;
    c.exitCode = exitCode;
    return m_model->addContainer(c).id;
}

void TestHealthWaiter::succeedsOnceOpencodeAnswers200()
{
    const QString id = addContainer(true);
    int waitingReports = 0;
    const auto healthy =
        HealthWaiter(m_config, QStringLiteral("s3cret"), m_engine->client()).wait(id, [&](const ServiceProgress& p) {
            waitingReports += p.phase == ServiceProgress::Phase::Waiting ? 1 : 0;
        });
    QVERIFY2(healthy, qPrintable(healthy.error().message));
    QCOMPARE(waitingReports, 1);
    const QList<QByteArray> requests = m_health->requests();
    QCOMPARE(requests.size(), 1);
    QVERIFY(requests.first().startsWith("GET /global/health HTTP/1.1"));
    QVERIFY(requests.first().contains("Authorization: Basic " + QByteArray("opencode:s3cret").toBase64()));
}

void TestHealthWaiter::keepsAskingWhileOpencodeAnswersOtherwise()
{
    const QString id = addContainer(true);
    m_config.healthTimeoutSeconds = 10;
    m_health->setStatus(503);
    QTimer::singleShot(250, this, [this] { m_health->setStatus(200); });
    const auto healthy = HealthWaiter(m_config, QStringLiteral("pw"), m_engine->client()).wait(id);
    QVERIFY2(healthy, qPrintable(healthy.error().message));
    QVERIFY(m_health->requests().size() >= 2);
    QCOMPARE(inspections(), m_health->requests().size());
}

void TestHealthWaiter::timesOutWithGrowingIntervals()
{
    const QString id = addContainer(true);
    m_health->setStatus(503);
    QElapsedTimer timer;
    timer.start();
    const auto healthy = HealthWaiter(m_config, QStringLiteral("pw"), m_engine->client()).wait(id);
    QVERIFY(!healthy);
    QCOMPARE(healthy.error().kind, ServiceError::Kind::Health);
    QVERIFY2(healthy.error().message.contains(QStringLiteral("did not become healthy within 1 s")),
             qPrintable(healthy.error().message));
    QVERIFY(timer.elapsed() >= 1000);
    // 0, 100, 300, 700, 1500 ms: five rounds in a second and a half (fewer on a busy machine), where a fixed
    // 100 ms would make about ten.
    QVERIFY2(inspections() >= 2 && inspections() <= 6, qPrintable(QString::number(inspections())));
}

void TestHealthWaiter::reportsTheExitCodeWhenTheContainerStops()
{
    const QString id = addContainer(false, 137);
    const auto healthy = HealthWaiter(m_config, QStringLiteral("pw"), m_engine->client()).wait(id);
    QVERIFY(!healthy);
    QCOMPARE(healthy.error().kind, ServiceError::Kind::Health);
    QVERIFY2(healthy.error().message.contains(QStringLiteral("stopped while starting (exit code 137)")),
             qPrintable(healthy.error().message));
    QCOMPARE(inspections(), 1);
    QVERIFY(m_health->requests().isEmpty()); // a stopped container's port is not asked
}

void TestHealthWaiter::aLostContainerIsAnError()
{
    const auto healthy = HealthWaiter(m_config, QStringLiteral("pw"), m_engine->client()).wait(QStringLiteral("gone"));
    QVERIFY(!healthy);
    QVERIFY2(healthy.error().message.startsWith(QStringLiteral("Lost the container while it started")),
             qPrintable(healthy.error().message));
    QCOMPARE(healthy.error().docker.category(), DockerError::Category::NotFound);
}

void TestHealthWaiter::aCancelStopsBeforeAsking()
{
    const QString id = addContainer(true);
    std::atomic_bool cancel{true};
    const auto healthy = HealthWaiter(m_config, QStringLiteral("pw"), m_engine->client()).wait(id, {}, &cancel);
    QVERIFY(!healthy);
    QCOMPARE(healthy.error().kind, ServiceError::Kind::Cancelled);
    QCOMPARE(inspections(), 0);
    QVERIFY(m_health->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestHealthWaiter)
#include "TestHealthWaiter.moc"
