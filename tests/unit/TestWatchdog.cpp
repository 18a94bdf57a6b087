// The watchdog's rules, with an injected clock: threshold, back-off, circuit breaker.

#include "core/service/Watchdog.h"

#include <QTest>

using occ::Watchdog;

class TestWatchdog : public QObject
{
    Q_OBJECT

private:
    static Watchdog::Settings settings()
    {
        Watchdog::Settings s;
        s.failureThreshold = 3;
        s.maxRestarts = 2;
        s.windowMs = 60000;
        s.baseDelayMs = 1000;
        return s;
    }

private Q_SLOTS:
    void healthyProbesNeverRestart()
    {
        Watchdog w(settings());
        for (int t = 0; t < 100; ++t) {
            QCOMPARE(w.observe(true, t * 1000), Watchdog::Action::None);
        }
    }

    void restartsOnlyAfterTheThresholdInARow()
    {
        Watchdog w(settings());
        QCOMPARE(w.observe(false, 0), Watchdog::Action::None);
        QCOMPARE(w.observe(false, 1), Watchdog::Action::None);
        QCOMPARE(w.observe(true, 2), Watchdog::Action::None); // a success resets the count
        QCOMPARE(w.observe(false, 3), Watchdog::Action::None);
        QCOMPARE(w.observe(false, 4), Watchdog::Action::None);
        QCOMPARE(w.observe(false, 5), Watchdog::Action::Restart);
    }

    void restartsBackOffExponentially()
    {
        Watchdog w(settings());
        w.restarted(0);
        QCOMPARE(w.nextRestartAllowedAt(), qint64(1000));
        w.restarted(2000);
        QCOMPARE(w.nextRestartAllowedAt(), qint64(2000 + 2000));
        // Failures inside the back-off do not restart yet.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(w.observe(false, 3000) != Watchdog::Action::Restart);
        }
    }

    void theCircuitOpensAfterTooManyRestartsInTheWindow()
    {
        Watchdog w(settings());
        auto failUntilAction = [&w](qint64 t) {
            Watchdog::Action a = Watchdog::Action::None;
            for (int i = 0; i < 3; ++i) {
                a = w.observe(false, t);
            }
            return a;
        };
        QCOMPARE(failUntilAction(0), Watchdog::Action::Restart);
        w.restarted(0);
        QCOMPARE(failUntilAction(5000), Watchdog::Action::Restart);
        w.restarted(5000);
        QCOMPARE(failUntilAction(20000), Watchdog::Action::GiveUp);
        QVERIFY(w.isOpen());
        QVERIFY(w.reason().contains(QStringLiteral("2 restarts")));
        QCOMPARE(w.observe(false, 30000), Watchdog::Action::None); // stays open
    }

    void oldRestartsLeaveTheWindow()
    {
        Watchdog w(settings());
        w.restarted(0);
        w.restarted(5000);
        QCOMPARE(w.restartsInWindow(10000), 2);
        QCOMPARE(w.restartsInWindow(61000), 1);
        for (int i = 0; i < 2; ++i) {
            w.observe(false, 70000);
        }
        QCOMPARE(w.observe(false, 70000), Watchdog::Action::Restart); // both restarts are older than the window
    }
};

QTEST_GUILESS_MAIN(TestWatchdog)
#include "TestWatchdog.moc"
