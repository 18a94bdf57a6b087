// Updater against a fake engine whose containers answer health by the image they run: an update that
// comes up, one that never answers and is rolled back, and one whose build fails. No Docker needed.

#include "core/config/Config.h"
#include "core/service/ServiceSpec.h"
#include "core/service/Updater.h"
#include "support/FakeEngine.h"
#include "support/FakeEngineModel.h"
#include "support/FakeHealthServer.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace occ;
using occ::test::FakeEngine;
using occ::test::FakeEngineModel;
using occ::test::FakeHealthServer;

class TestUpdater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void anUpdateThatComesUpReportsItsDowntime();
    void anUpdateThatNeverAnswersIsRolledBack();
    void aRebuildThatNeverAnswersGoesBackToTheImageThatRan();
    void aFailedBuildLeavesTheRunningServiceAlone();

private:
    const FakeEngineModel::Container* service() { return m_model->container(m_config.containerName); }

    Config m_config;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<FakeEngineModel> m_model;
    std::unique_ptr<FakeHealthServer> m_health;
};

void TestUpdater::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestUpdater::init()
{
    m_engine = std::make_unique<FakeEngine>();
    m_model = std::make_unique<FakeEngineModel>(m_engine.get());
    m_health = std::make_unique<FakeHealthServer>();
    m_config = Config();
    m_config.containerName = QStringLiteral("occ-update");
    m_config.volumePrefix = QStringLiteral("occ-update");
    m_config.imageName = QStringLiteral("occ-update-img");
    m_config.opencodeVersion = QStringLiteral("1.0.0");
    m_config.port = m_health->port();
    m_config.healthTimeoutSeconds = 1;
    m_model->addImage(QStringLiteral("occ-update-img:1.0.0"), QStringLiteral("sha256:v1"));
    FakeEngineModel::Container c;
    c.name = m_config.containerName;
    c.image = QStringLiteral("occ-update-img:1.0.0");
    c.imageId = QStringLiteral("sha256:v1");
    c.labels = ServiceSpec::containerSpec(m_config).labels;
    c.running = true;
    c.started = true;
    m_model->addContainer(c);
    QVERIFY(m_engine->isListening());
}

void TestUpdater::cleanup()
{
    m_health.reset();
    m_model.reset();
    m_engine.reset();
}

void TestUpdater::anUpdateThatComesUpReportsItsDowntime()
{
    m_model->addImage(QStringLiteral("occ-update-img:2.0.0"), QStringLiteral("sha256:v2"));
    m_config.healthTimeoutSeconds = 10;
    // Creating the replacement is slow (copying storage drivers), but the old one serves meanwhile.
    m_engine->on("POST", QStringLiteral("/containers/create"), [](const FakeEngine::Request&) {
        QThread::msleep(300);
        return QByteArray();
    });
    // The new opencode answers 400 ms after its start.
    m_model->onStart = [this](FakeEngineModel::Container&) {
        m_health->setStatus(503);
        QTimer::singleShot(400, this, [this] { m_health->setStatus(200); });
    };
    QElapsedTimer timer;
    timer.start();
    const auto updated = Updater(m_config, QStringLiteral("pw"), m_engine->client()).update({QStringLiteral("2.0.0")});
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(updated, qPrintable(updated.error().message));
    QCOMPARE(updated->from, QStringLiteral("1.0.0"));
    QCOMPARE(updated->to, QStringLiteral("2.0.0"));
    QCOMPARE(updated->url, ServiceSpec::url(m_config));
    // From the old container's stop to the new one's answer: the 400 ms, not the 300 ms of the create.
    QVERIFY2(updated->downtimeMs >= 400, qPrintable(QString::number(updated->downtimeMs)));
    QVERIFY2(updated->downtimeMs <= elapsed - 300,
             qPrintable(QStringLiteral("%1 of %2").arg(updated->downtimeMs).arg(elapsed)));
    QCOMPARE(m_engine->requests("POST", QStringLiteral("/build")).size(), 0);
    QVERIFY(service() && service()->running);
    QCOMPARE(service()->imageId, QStringLiteral("sha256:v2"));
    QCOMPARE(m_model->containers().size(), 1);
    QCOMPARE(m_model->imageId(QStringLiteral("occ-update-img:previous")), QStringLiteral("sha256:v1"));
}

void TestUpdater::anUpdateThatNeverAnswersIsRolledBack()
{
    m_model->onStart = [this](FakeEngineModel::Container& c) {
        m_health->setStatus(c.image.endsWith(QStringLiteral(":2.0.0")) ? 503 : 200);
    };
    QStringList steps;
    const auto updated = Updater(m_config, QStringLiteral("pw"), m_engine->client())
                             .update({QStringLiteral("2.0.0")}, [&](const ServiceProgress& p) {
                                 if (p.phase == ServiceProgress::Phase::Step) {
                                     steps.append(p.text);
                                 }
                             });
    QVERIFY(!updated);
    QCOMPARE(updated.error().kind, ServiceError::Kind::Health);
    QVERIFY2(updated.error().message.startsWith(QStringLiteral("The update to 2.0.0 failed (The service did not "
                                                               "become healthy within 1 s.")),
             qPrintable(updated.error().message));
    QVERIFY2(updated.error().message.endsWith(QStringLiteral("Rolled back: opencode 1.0.0 is running again.")),
             qPrintable(updated.error().message));
    QVERIFY(steps.filter(QStringLiteral("rolling back to 1.0.0")).size() == 1);
    // The 2.0.0 image was built and tried, then the container was recreated from the previous image.
    QCOMPARE(m_engine->requests("POST", QStringLiteral("/build")).size(), 1);
    QCOMPARE(m_engine->requests("POST", QStringLiteral("/containers/create")).size(), 2);
    QVERIFY(service() && service()->running);
    QCOMPARE(service()->image, QStringLiteral("occ-update-img:1.0.0"));
    QCOMPARE(service()->imageId, QStringLiteral("sha256:v1"));
    QCOMPARE(m_model->containers().size(), 1);
    QCOMPARE(m_model->imageId(QStringLiteral("occ-update-img:previous")), QStringLiteral("sha256:v1"));
}

// The rebuild took the version's tag: the rollback must put it back on the image that ran before.
void TestUpdater::aRebuildThatNeverAnswersGoesBackToTheImageThatRan()
{
    m_model->onStart = [this](FakeEngineModel::Container& c) {
        m_health->setStatus(c.imageId == QStringLiteral("sha256:v1") ? 200 : 503);
    };
    const auto updated =
        Updater(m_config, QStringLiteral("pw"), m_engine->client()).update({QStringLiteral("1.0.0"), true});
    QVERIFY(!updated);
    QVERIFY2(updated.error().message.endsWith(QStringLiteral("Rolled back: opencode 1.0.0 is running again.")),
             qPrintable(updated.error().message));
    QCOMPARE(m_engine->requests("POST", QStringLiteral("/build")).size(), 1);
    QVERIFY(service() && service()->running);
    QCOMPARE(service()->imageId, QStringLiteral("sha256:v1"));
    QCOMPARE(m_model->imageId(QStringLiteral("occ-update-img:1.0.0")), QStringLiteral("sha256:v1"));
}

void TestUpdater::aFailedBuildLeavesTheRunningServiceAlone()
{
    m_model->failBuilds({QStringLiteral("npm ERR! 404 opencode-ai@9.9.9")}, QStringLiteral("returned 1"));
    const auto updated = Updater(m_config, QStringLiteral("pw"), m_engine->client()).update({QStringLiteral("9.9.9")});
    QVERIFY(!updated);
    QCOMPARE(updated.error().kind, ServiceError::Kind::Image);
    QVERIFY2(updated.error().message.contains(QStringLiteral("npm ERR! 404 opencode-ai@9.9.9")),
             qPrintable(updated.error().message));
    QVERIFY2(updated.error().message.endsWith(QStringLiteral("The running service was not touched.")),
             qPrintable(updated.error().message));
    QCOMPARE(m_engine->requests("POST", QStringLiteral("/containers/.*")).size(), 0);
    QVERIFY(service() && service()->running);
    QCOMPARE(service()->imageId, QStringLiteral("sha256:v1"));
}

QTEST_GUILESS_MAIN(TestUpdater)
#include "TestUpdater.moc"
