// ContainerReconciler against a fake engine: when a container is reused, recreated beside the old one or
// created, and what the engine is asked in each case. No Docker needed.

#include "core/config/Config.h"
#include "core/service/ContainerReconciler.h"
#include "core/service/ServiceSpec.h"
#include "support/FakeEngine.h"
#include "support/FakeEngineModel.h"

#include <QDateTime>
#include <QTest>

using namespace occ;
using occ::test::FakeEngine;
using occ::test::FakeEngineModel;

namespace {

constexpr char ImageId[] = "sha256:current";
constexpr char Password[] = "pw-reconciler";

} // namespace

class TestContainerReconciler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reuse_data();
    void reuse();
    void recreate_data();
    void recreate();
    void createsTheContainerAndItsVolumesWhenMissing();
    void refusesAContainerNotMadeByUs();
    void aPortInUseIsAConflictAndRemovesTheRetiredContainer();

private:
    // Our container for m_config, as a previous start left it.
    FakeEngineModel::Container& addOurs(bool running, const QString& imageId = QString::fromLatin1(ImageId));
    int countRequests(const QByteArray& method, const QString& pattern) const
    {
        return m_engine->requests(method, pattern).size();
    }

    Config m_config;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<FakeEngineModel> m_model;
};

void TestContainerReconciler::init()
{
    m_config = Config();
    m_config.containerName = QStringLiteral("occ-reconcile");
    m_config.volumePrefix = QStringLiteral("occ-reconcile");
    m_config.opencodeVersion = QStringLiteral("1.0.0");
    m_engine = std::make_unique<FakeEngine>();
    m_model = std::make_unique<FakeEngineModel>(m_engine.get());
    m_model->addImage(ServiceSpec::imageRef(m_config), QString::fromLatin1(ImageId));
    QVERIFY(m_engine->isListening());
}

void TestContainerReconciler::cleanup()
{
    m_model.reset();
    m_engine.reset();
}

FakeEngineModel::Container& TestContainerReconciler::addOurs(bool running, const QString& imageId)
{
    FakeEngineModel::Container c;
    c.name = m_config.containerName;
    c.image = ServiceSpec::imageRef(m_config);
    c.imageId = imageId;
    c.labels = ServiceSpec::containerSpec(m_config).labels;
    c.running = running;
    c.started = true;
    return m_model->addContainer(c);
}

void TestContainerReconciler::reuse_data()
{
    QTest::addColumn<bool>("running");
    QTest::newRow("a running container with the same config hash and image is left alone") << true;
    QTest::newRow("a stopped container with the same config hash is given the password and started") << false;
}

void TestContainerReconciler::reuse()
{
    QFETCH(bool, running);
    const QString id = addOurs(running).id;
    ContainerReconciler reconciler(m_config, QString::fromLatin1(Password), m_engine->client());
    const auto outcome = reconciler.reconcile(StartOptions{});
    QVERIFY2(outcome, qPrintable(outcome.error().message));
    QCOMPARE(outcome->id, id);
    QCOMPARE(outcome->wasRunning, running);
    QVERIFY(!outcome->created);
    QVERIFY(!outcome->recreated);
    QVERIFY(outcome->retiredId.isEmpty());
    QCOMPARE(countRequests("POST", QStringLiteral("/containers/create")), 0);
    QCOMPARE(countRequests("POST", QStringLiteral("/containers/.*/stop")), 0);
    QCOMPARE(countRequests("PUT", QStringLiteral("/containers/") + id + QStringLiteral("/archive")), running ? 0 : 1);
    QCOMPARE(countRequests("POST", QStringLiteral("/containers/") + id + QStringLiteral("/start")), running ? 0 : 1);
    QVERIFY(m_model->container(id)->running);
}

void TestContainerReconciler::recreate_data()
{
    QTest::addColumn<QString>("hash"); // the old container's config-hash label; empty = the current one
    QTest::addColumn<QString>("imageId");
    QTest::addColumn<bool>("force");
    QTest::newRow("a changed config hash recreates the container beside the old one")
        << "0123456789abcdef" << QString::fromLatin1(ImageId) << false;
    QTest::newRow("a changed image recreates the container") << ""
                                                             << "sha256:older" << false;
    QTest::newRow("forceRecreate recreates an unchanged container") << "" << QString::fromLatin1(ImageId) << true;
}

void TestContainerReconciler::recreate()
{
    QFETCH(QString, hash);
    QFETCH(QString, imageId);
    QFETCH(bool, force);
    FakeEngineModel::Container& old = addOurs(true, imageId);
    if (!hash.isEmpty()) {
        old.labels.insert(QString::fromLatin1(ServiceSpec::ConfigHashLabel), hash);
    }
    const QString oldId = old.id;
    ContainerReconciler reconciler(m_config, QString::fromLatin1(Password), m_engine->client());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto outcome = reconciler.reconcile(StartOptions{force});
    QVERIFY2(outcome, qPrintable(outcome.error().message));
    QVERIFY(outcome->recreated);
    QVERIFY(!outcome->wasRunning);
    QCOMPARE(outcome->retiredId, oldId);
    QVERIFY(outcome->id != oldId);

    // The replacement was made and given its password while the old one still ran; then the old one
    // stopped and stepped aside.
    const auto stops = m_engine->requests("POST", QStringLiteral("/containers/%1/stop").arg(oldId));
    const auto creates = m_engine->requests("POST", QStringLiteral("/containers/create"));
    const auto archives = m_engine->requests("PUT", QStringLiteral("/containers/%1/archive").arg(outcome->id));
    QCOMPARE(stops.size(), 1);
    QCOMPARE(creates.size(), 1);
    QCOMPARE(creates.first().queryItem(QStringLiteral("name")), m_config.containerName + QStringLiteral("-next"));
    QCOMPARE(archives.size(), 1); // once: not again before the start
    QVERIFY(creates.first().atMs <= stops.first().atMs && archives.first().atMs <= stops.first().atMs);
    QVERIFY(outcome->oldStoppedAtMs >= before && outcome->oldStoppedAtMs <= stops.first().atMs);

    const FakeEngineModel::Container* now = m_model->container(m_config.containerName);
    QVERIFY(now);
    QCOMPARE(now->id, outcome->id);
    QVERIFY(now->running);
    QCOMPARE(now->imageId, QString::fromLatin1(ImageId));
    QCOMPARE(now->labels.value(QString::fromLatin1(ServiceSpec::ConfigHashLabel)),
             ServiceSpec::containerSpec(m_config).labels.value(QString::fromLatin1(ServiceSpec::ConfigHashLabel)));
    const FakeEngineModel::Container* aside = m_model->container(oldId);
    QVERIFY(aside);
    QCOMPARE(aside->name, m_config.containerName + QStringLiteral("-old"));
    QVERIFY(!aside->running);

    reconciler.removeRetired(outcome.value());
    QVERIFY(!m_model->container(oldId));
    QCOMPARE(m_model->containers().size(), 1);
}

void TestContainerReconciler::createsTheContainerAndItsVolumesWhenMissing()
{
    ContainerReconciler reconciler(m_config, QString::fromLatin1(Password), m_engine->client());
    const auto outcome = reconciler.reconcile(StartOptions{});
    QVERIFY2(outcome, qPrintable(outcome.error().message));
    QVERIFY(outcome->created);
    QVERIFY(!outcome->recreated);
    QCOMPARE(outcome->oldStoppedAtMs, 0);
    QStringList volumes = m_model->volumes();
    volumes.sort();
    QCOMPARE(volumes,
             QStringList({QStringLiteral("occ-reconcile-config"), QStringLiteral("occ-reconcile-data"),
                          QStringLiteral("occ-reconcile-state"), QStringLiteral("occ-reconcile-workspace")}));
    for (const auto& request : m_engine->requests("POST", QStringLiteral("/volumes/create"))) {
        QVERIFY(request.json()["Labels"]["org.opencode-cloud.managed"] == "true");
    }
    const FakeEngineModel::Container* c = m_model->container(m_config.containerName);
    QVERIFY(c);
    QVERIFY(c->running);
    QCOMPARE(c->archives, 1);
    // The password travels as a file in the archive, never in the create body.
    const auto create = m_engine->requests("POST", QStringLiteral("/containers/create"));
    QCOMPARE(create.size(), 1);
    QVERIFY(!create.first().body.contains(Password));
    QVERIFY(m_engine->requests("PUT", QStringLiteral("/containers/.*/archive")).first().body.contains(Password));
}

void TestContainerReconciler::refusesAContainerNotMadeByUs()
{
    FakeEngineModel::Container& c = addOurs(true);
    c.labels.clear();
    ContainerReconciler reconciler(m_config, QString::fromLatin1(Password), m_engine->client());
    const auto outcome = reconciler.reconcile(StartOptions{true});
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().kind, ServiceError::Kind::Conflict);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("was not made by opencode-cloud")),
             qPrintable(outcome.error().message));
    // Inspected, nothing else.
    for (const auto& request : m_engine->requests()) {
        QVERIFY2(request.method == "GET", request.line.constData());
    }
    QVERIFY(m_model->container(m_config.containerName)->running);
}

void TestContainerReconciler::aPortInUseIsAConflictAndRemovesTheRetiredContainer()
{
    FakeEngineModel::Container& old = addOurs(true);
    old.labels.insert(QString::fromLatin1(ServiceSpec::ConfigHashLabel), QStringLiteral("stale"));
    const QString oldId = old.id;
    m_engine->on("POST", QStringLiteral("/containers/([^/]+)/start"),
                 FakeEngine::error(500,
                                   QStringLiteral("driver failed programming external connectivity: Bind for "
                                                  "127.0.0.1:4096 failed: port is already allocated")));
    ContainerReconciler reconciler(m_config, QString::fromLatin1(Password), m_engine->client());
    const auto outcome = reconciler.reconcile(StartOptions{});
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().kind, ServiceError::Kind::Conflict);
    QVERIFY2(outcome.error().message.contains(QStringLiteral("Port 4096 on 127.0.0.1 is already in use")),
             qPrintable(outcome.error().message));
    QVERIFY(outcome.error().docker.isPortInUse());
    QCOMPARE(m_engine->requests("DELETE", QStringLiteral("/containers/") + oldId).size(), 1);
    QVERIFY(!m_model->container(oldId));
}

QTEST_GUILESS_MAIN(TestContainerReconciler)
#include "TestContainerReconciler.moc"
