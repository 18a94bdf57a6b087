#include "core/osservice/RetryPolicy.h"

#include <QTest>

using namespace occ;

class TestOsServiceRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsEveryPlatform_data();
    void mapsEveryPlatform();
    void windowsDelaysDoubleUpToTheCap();
    void clampsNonsense_data();
    void clampsNonsense();
    void markdownTableShowsTheMapping_data();
    void markdownTableShowsTheMapping();
};

void TestOsServiceRetryPolicy::mapsEveryPlatform_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("maxRetries");
    QTest::addColumn<QString>("dockerName");
    QTest::addColumn<int>("dockerCount");
    QTest::addColumn<QString>("systemdRestart");
    QTest::addColumn<int>("burst");
    QTest::addColumn<int>("interval");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("onlyAfterFailure");
    QTest::addColumn<QList<int>>("windowsDelays");
    QTest::addColumn<bool>("windowsStops");
    QTest::addColumn<int>("windowsReset");

    // delay 5 s, window 300 s in every row
    QTest::newRow("no restarts nothing anywhere")
        << "no" << 5 << "no" << 0 << "no" << 0 << 0 << false << false << QList<int>{} << false << 0;
    QTest::newRow("always restarts without a limit, even when maxRetries is set")
        << "always" << 5 << "always" << 0 << "always" << 0 << 0 << true << false
        << QList<int>{5000, 10000, 20000, 40000, 80000, 160000, 300000} << false << 300;
    QTest::newRow("unless-stopped is always for the service managers")
        << "unless-stopped" << 5 << "unless-stopped" << 0 << "always" << 0 << 0 << true << false
        << QList<int>{5000, 10000, 20000, 40000, 80000, 160000, 300000} << false << 300;
    QTest::newRow("on-failure with 3 retries allows 4 starts in the window and 3 SCM restarts")
        << "on-failure" << 3 << "on-failure" << 3 << "on-failure" << 4 << 300 << true << true
        << QList<int>{5000, 10000, 20000} << true << 300;
    QTest::newRow("on-failure with 0 retries means no limit, as in Docker")
        << "on-failure" << 0 << "on-failure" << 0 << "on-failure" << 0 << 0 << true << true
        << QList<int>{5000, 10000, 20000, 40000, 80000, 160000, 300000} << false << 300;
    QTest::newRow("an unknown policy falls back to on-failure")
        << "sometimes" << 2 << "on-failure" << 2 << "on-failure" << 3 << 300 << true << true << QList<int>{5000, 10000}
        << true << 300;
}

void TestOsServiceRetryPolicy::mapsEveryPlatform()
{
    QFETCH(QString, policy);
    QFETCH(int, maxRetries);
    const RetryPolicy p(RestartSettings{policy, maxRetries, 5, 300});

    QTEST(p.docker().name, "dockerName");
    QTEST(p.docker().maximumRetryCount, "dockerCount");
    QTEST(p.systemd().restart, "systemdRestart");
    QCOMPARE(p.systemd().restartSec, 5);
    QTEST(p.systemd().startLimitBurst, "burst");
    QTEST(p.systemd().startLimitIntervalSec, "interval");
    QTEST(p.launchd().keepAlive, "keepAlive");
    QTEST(p.launchd().onlyAfterFailure, "onlyAfterFailure");
    QCOMPARE(p.launchd().throttleInterval, 5);
    QTEST(p.windows().restartDelaysMs, "windowsDelays");
    QTEST(p.windows().stopAfterLastRestart, "windowsStops");
    QTEST(p.windows().resetPeriodSeconds, "windowsReset");
}

void TestOsServiceRetryPolicy::windowsDelaysDoubleUpToTheCap()
{
    const WindowsRecovery w = RetryPolicy(RestartSettings{QStringLiteral("on-failure"), 10, 100, 86400}).windows();
    QCOMPARE(w.restartDelaysMs,
             (QList<int>{100000, 200000, 300000, 300000, 300000, 300000, 300000, 300000, 300000, 300000}));
    // A delay above the cap is kept, not shortened.
    const WindowsRecovery slow = RetryPolicy(RestartSettings{QStringLiteral("always"), 0, 600, 86400}).windows();
    QCOMPARE(slow.restartDelaysMs, (QList<int>{600000}));
}

void TestOsServiceRetryPolicy::clampsNonsense_data()
{
    QTest::addColumn<int>("maxRetries");
    QTest::addColumn<int>("delay");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("expectedRetries");
    QTest::addColumn<int>("expectedDelay");
    QTest::addColumn<int>("expectedWindow");
    QTest::newRow("a zero delay becomes one second so a crash loop cannot spin") << 3 << 0 << 60 << 3 << 1 << 60;
    QTest::newRow("negative retries mean no limit") << -4 << 5 << 60 << 0 << 5 << 60;
    QTest::newRow("a negative window becomes one second") << 3 << 5 << -1 << 3 << 5 << 1;
}

void TestOsServiceRetryPolicy::clampsNonsense()
{
    QFETCH(int, maxRetries);
    QFETCH(int, delay);
    QFETCH(int, window);
    const RetryPolicy p(RestartSettings{QStringLiteral("on-failure"), maxRetries, delay, window});
    QTEST(p.settings().maxRetries, "expectedRetries");
    QTEST(p.settings().delaySeconds, "expectedDelay");
    QTEST(p.settings().windowSeconds, "expectedWindow");
}

void TestOsServiceRetryPolicy::markdownTableShowsTheMapping_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("expectedRow");
    QTest::newRow("the no row says nothing restarts")
        << "no"
        << "| `no` | `no` | `Restart=no` | no `KeepAlive` | no recovery actions |";
    QTest::newRow("the on-failure row carries the retry count to every platform")
        << "on-failure"
        << "| `on-failure` | `on-failure`, MaximumRetryCount 3 | `Restart=on-failure`, `RestartSec=5`, "
           "`StartLimitBurst=4`, `StartLimitIntervalSec=300` | `KeepAlive` = {`SuccessfulExit` = false}, "
           "`ThrottleInterval` 5 (launchd has no retry limit) | restart after 5 s, 10 s, 20 s, then none; "
           "count resets after 300 s |";
    QTest::newRow("the always row says systemd has no start limit")
        << "always"
        << "| `always` | `always` | `Restart=always`, `RestartSec=5`, `StartLimitIntervalSec=0` (no limit) | "
           "`KeepAlive` = true, `ThrottleInterval` 5 | restart after 5 s, 10 s, 20 s, 40 s, 80 s, 160 s, 300 s, "
           "then every 300 s; count resets after 300 s |";
}

void TestOsServiceRetryPolicy::markdownTableShowsTheMapping()
{
    QFETCH(QString, policy);
    QFETCH(QString, expectedRow);
    const QString table = RetryPolicy::markdownTable(RestartSettings{QStringLiteral("on-failure"), 3, 5, 300});
    const QStringList lines = table.split(QLatin1Char('\n'));
    // One header, one separator, one row per policy.
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^\\| `"))).size(), RetryPolicy::policyNames().size() + 1);
    const QStringList rows = lines.filter(QStringLiteral("| `%1` |").arg(policy));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first(), expectedRow);
}

QTEST_GUILESS_MAIN(TestOsServiceRetryPolicy)
#include "TestOsServiceRetryPolicy.moc"
