// ServiceStarter, through the ServiceController facade, against a fake engine: a whole start in order,
// a second start that finds everything in place, the retirement of a front door left from before, and
// the refusals that come before the engine is asked anything. No Docker needed.

#include "core/config/Config.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/service/ServiceController.h"
#include "core/service/ServiceSpec.h"
#include "support/FakeEngine.h"
#include "support/FakeEngineModel.h"
#include "support/FakeHealthServer.h"

#include <QTest>

using namespace occ;
using occ::test::FakeEngine;
using occ::test::FakeEngineModel;
using occ::test::FakeHealthServer;

class TestServiceStarter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aFirstStartBuildsCreatesStartsAndWaits();
    void aSecondStartFindsItRunning();
    void aFrontDoorFromBeforeIsRetiredWithOneLookup();
    void aPublicBindWithoutAPasswordIsRefusedBeforeTheEngine();

private:
    int indexOf(const QByteArray& method, const QString& pattern) const;

    Config m_config;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<FakeEngineModel> m_model;
    std::unique_ptr<FakeHealthServer> m_health;
};

void TestServiceStarter::init()
{
    m_engine = std::make_unique<FakeEngine>();
    m_model = std::make_unique<FakeEngineModel>(m_engine.get());
    m_health = std::make_unique<FakeHealthServer>();
    m_config = Config();
    m_config.containerName = QStringLiteral("occ-starter");
    m_config.volumePrefix = QStringLiteral("occ-starter");
    m_config.imageName = QStringLiteral("occ-starter-img");
    m_config.opencodeVersion = QStringLiteral("1.0.0");
    m_config.port = m_health->port();
    m_config.healthTimeoutSeconds = 5;
    QVERIFY(m_engine->isListening());
}

void TestServiceStarter::cleanup()
{
    m_health.reset();
    m_model.reset();
    m_engine.reset();
}

int TestServiceStarter::indexOf(const QByteArray& method, const QString& pattern) const
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    const auto& requests = m_engine->requests();
    for (int i = 0; i < requests.size(); ++i) {
        if (requests[i].method == method && re.match(requests[i].path).hasMatch()) {
            return i;
        }
    }
    return -1;
}

void TestServiceStarter::aFirstStartBuildsCreatesStartsAndWaits()
{
    ServiceController controller(m_config, QStringLiteral("pw"), m_engine->client());
    const auto started = controller.start();
    QVERIFY2(started, qPrintable(started.error().message));
    QVERIFY(started->created);
    QVERIFY(!started->recreated);
    QVERIFY(!started->wasRunning);
    QCOMPARE(started->url, QStringLiteral("http://127.0.0.1:%1").arg(m_config.port));
    QCOMPARE(started->oldStoppedAtMs, 0);
    // Image, then container, then its start, then the health probe.
    const int build = indexOf("POST", QStringLiteral("/build"));
    const int create = indexOf("POST", QStringLiteral("/containers/create"));
    const int start = indexOf("POST", QStringLiteral("/containers/.*/start"));
    QVERIFY(build >= 0 && build < create && create < start);
    QCOMPARE(m_health->requests().size(), 1);
    QVERIFY(m_model->container(m_config.containerName)->running);
}

void TestServiceStarter::aSecondStartFindsItRunning()
{
    ServiceController controller(m_config, QStringLiteral("pw"), m_engine->client());
    QVERIFY(controller.start());
    m_engine->clearRequests();
    const auto again = controller.start();
    QVERIFY2(again, qPrintable(again.error().message));
    QVERIFY(again->wasRunning);
    QVERIFY(!again->created);
    for (const auto& request : m_engine->requests()) {
        QVERIFY2(request.method == "GET", request.line.constData()); // looked, changed nothing
    }
    QCOMPARE(m_health->requests().size(), 2);
}

void TestServiceStarter::aFrontDoorFromBeforeIsRetiredWithOneLookup()
{
    FakeEngineModel::Container door;
    door.name = FrontDoor::containerName(m_config);
    door.labels = {{QString::fromLatin1(FrontDoor::RoleLabel), QStringLiteral("frontdoor")},
                   {QString::fromLatin1(ServiceSpec::ManagedLabel), QStringLiteral("true")}};
    door.running = true;
    door.started = true;
    m_model->addContainer(door);
    m_model->addNetwork(FrontDoor::networkName(m_config),
                        {{QString::fromLatin1(ServiceSpec::ManagedLabel), QStringLiteral("true")}});
    const auto started = ServiceController(m_config, QStringLiteral("pw"), m_engine->client()).start();
    QVERIFY2(started, qPrintable(started.error().message));
    QVERIFY(!m_model->container(FrontDoor::containerName(m_config)));
    QVERIFY(m_model->networks().isEmpty());
    // The front door container is looked up once, and removed before opencode starts (it may hold the
    // port); its network once opencode left it.
    QCOMPARE(m_engine->requests("GET", QStringLiteral("/containers/occ-starter-frontdoor/json")).size(), 1);
    QCOMPARE(m_engine->requests("GET", QStringLiteral("/networks/.*")).size(), 1);
    const int removeDoor = indexOf("DELETE", QStringLiteral("/containers/.*"));
    const int start = indexOf("POST", QStringLiteral("/containers/.*/start"));
    const int removeNetwork = indexOf("DELETE", QStringLiteral("/networks/.*"));
    QVERIFY(removeDoor >= 0 && removeDoor < start && start < removeNetwork);
}

void TestServiceStarter::aPublicBindWithoutAPasswordIsRefusedBeforeTheEngine()
{
    m_config.bind = QStringLiteral("0.0.0.0");
    const auto started = ServiceController(m_config, QString(), m_engine->client()).start();
    QVERIFY(!started);
    QCOMPARE(started.error().kind, ServiceError::Kind::Config);
    QVERIFY2(started.error().message.startsWith(QStringLiteral("Refusing to listen on 0.0.0.0 without a password")),
             qPrintable(started.error().message));
    QVERIFY(m_engine->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestServiceStarter)
#include "TestServiceStarter.moc"
