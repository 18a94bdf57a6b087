#include "app/Notifier.h"

#include <QSignalSpy>
#include <QTest>

using occ::Notifier;
using occ::ServiceStatus;
using State = ServiceStatus::State;

namespace {
ServiceStatus status(State state, int restarts = 0, const QString& id = QStringLiteral("c1"))
{
    ServiceStatus s;
    s.state = state;
    s.restartCount = restarts;
    s.containerId = id;
    return s;
}
} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void theFirstStatusIsNotAnnounced();
    void healthyToUnhealthyWarns();
    void aRestartCountGoingUpIsACrash();
    void aNewContainerIsNotACrash();
    void recoveryIsAnnounced();
    void updateFinishedIsAnnounced();
    void ordinaryTransitionsStayQuiet();
    void theSameKindIsLimitedPerInterval();
    void aBurstIsLimitedAcrossKinds();

private:
    qint64 m_now = 0;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<QSignalSpy> m_spy;
};

void TestNotifier::init()
{
    m_now = 1000000;
    m_notifier = std::make_unique<Notifier>();
    m_notifier->setClock([this] { return m_now; });
    m_spy = std::make_unique<QSignalSpy>(m_notifier.get(), &Notifier::notify);
}

void TestNotifier::theFirstStatusIsNotAnnounced()
{
    m_notifier->handleStatus(status(State::Unhealthy));
    QCOMPARE(m_spy->count(), 0);
}

void TestNotifier::healthyToUnhealthyWarns()
{
    m_notifier->handleStatus(status(State::Healthy));
    m_notifier->handleStatus(status(State::Unhealthy));
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(m_spy->at(0).at(0).value<Notifier::Kind>(), Notifier::Kind::BecameUnhealthy);
    QCOMPARE(m_spy->at(0).at(3).toBool(), true);
}

void TestNotifier::aRestartCountGoingUpIsACrash()
{
    m_notifier->handleStatus(status(State::Healthy, 0));
    m_notifier->handleStatus(status(State::Healthy, 1));
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(m_spy->at(0).at(0).value<Notifier::Kind>(), Notifier::Kind::Crashed);
}

void TestNotifier::aNewContainerIsNotACrash()
{
    m_notifier->handleStatus(status(State::Healthy, 0, QStringLiteral("old")));
    m_notifier->handleStatus(status(State::Healthy, 3, QStringLiteral("new")));
    QCOMPARE(m_spy->count(), 0);
}

void TestNotifier::recoveryIsAnnounced()
{
    m_notifier->handleStatus(status(State::Unhealthy));
    m_notifier->handleStatus(status(State::Healthy));
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(m_spy->at(0).at(0).value<Notifier::Kind>(), Notifier::Kind::Recovered);
    QCOMPARE(m_spy->at(0).at(3).toBool(), false);
}

void TestNotifier::updateFinishedIsAnnounced()
{
    m_notifier->handleStatus(status(State::Updating));
    ServiceStatus done = status(State::Healthy);
    done.opencodeVersion = QStringLiteral("1.19.0");
    m_notifier->handleStatus(done);
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(m_spy->at(0).at(0).value<Notifier::Kind>(), Notifier::Kind::UpdateFinished);
    QVERIFY(m_spy->at(0).at(2).toString().contains(QStringLiteral("1.19.0")));
}

void TestNotifier::ordinaryTransitionsStayQuiet()
{
    m_notifier->handleStatus(status(State::Stopped));
    m_notifier->handleStatus(status(State::Starting));
    m_notifier->handleStatus(status(State::Healthy));
    m_notifier->handleStatus(status(State::Stopped));
    QCOMPARE(m_spy->count(), 0);
}

void TestNotifier::theSameKindIsLimitedPerInterval()
{
    m_notifier->setKindInterval(5 * 60 * 1000);
    m_notifier->handleStatus(status(State::Healthy));
    for (int i = 0; i < 10; ++i) {
        m_notifier->handleStatus(status(State::Unhealthy));
        m_notifier->handleStatus(status(State::Healthy));
        m_now += 10 * 1000;
    }
    // One "unhealthy" and one "recovered" in 100 s; the rest suppressed.
    QCOMPARE(m_spy->count(), 2);
    QCOMPARE(m_notifier->suppressedCount(), 18);
    m_now += 5 * 60 * 1000;
    m_notifier->handleStatus(status(State::Unhealthy));
    QCOMPARE(m_spy->count(), 3);
}

void TestNotifier::aBurstIsLimitedAcrossKinds()
{
    m_notifier->setKindInterval(0);
    m_notifier->setBurst(3, 60 * 1000);
    m_notifier->handleStatus(status(State::Healthy, 0));
    for (int i = 1; i <= 6; ++i) {
        m_notifier->handleStatus(status(State::Healthy, i));
        m_now += 1000;
    }
    QCOMPARE(m_spy->count(), 3);
    m_now += 60 * 1000;
    m_notifier->handleStatus(status(State::Healthy, 7));
    QCOMPARE(m_spy->count(), 4);
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "TestNotifier.moc"
