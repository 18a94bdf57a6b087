#include "app/StatusPresenter.h"
#include "core/service/LogFollower.h"

#include <QMetaEnum>
#include <QTest>

using occ::ServiceStatus;
using occ::StatusPresenter;
using occ::StatusView;
using State = ServiceStatus::State;

class TestStatusPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStateMapsToIconAndActions_data();
    void everyStateMapsToIconAndActions();
    void healthyStatusLineShowsUptime();
    void engineProblemsAreNamed_data();
    void engineProblemsAreNamed();
    void restartingCountsRestarts();
    void openNeedsAUrl();
    void copyPasswordNeedsAPassword();
    void uptimeUsesTheLargestUnit_data();
    void uptimeUsesTheLargestUnit();
    void statesAreQEnums();
    void followerStatesAreWords_data();
    void followerStatesAreWords();
};

void TestStatusPresenter::everyStateMapsToIconAndActions_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("icon");
    QTest::addColumn<bool>("canStart");
    QTest::addColumn<bool>("canStop");
    QTest::addColumn<bool>("canRestart");
    QTest::addColumn<bool>("canOpen");
    QTest::addColumn<bool>("needsSetup");
    QTest::addColumn<QString>("lineStartsWith");

    QTest::newRow("not set up: only the wizard")
        << State::NotSetUp << "not-set-up" << false << false << false << false << true << "Not set up";
    QTest::newRow("engine unreachable: nothing to start")
        << State::EngineUnreachable << "error" << false << false << false << false << false << "Docker unavailable";
    QTest::newRow("stopped: start only") << State::Stopped << "stopped" << true << false << false << false << false
                                         << "Stopped";
    QTest::newRow("starting: can be stopped")
        << State::Starting << "starting" << false << true << false << false << false << "Starting";
    QTest::newRow("healthy: stop, restart, open")
        << State::Healthy << "healthy" << false << true << true << true << false << "Running · healthy";
    QTest::newRow("unhealthy: stop, restart, open")
        << State::Unhealthy << "unhealthy" << false << true << true << true << false << "Running · not responding";
    QTest::newRow("restarting: can be stopped")
        << State::Restarting << "restarting" << false << true << false << false << false << "Restarting";
    QTest::newRow("updating: hands off") << State::Updating << "updating" << false << false << false << false << false
                                         << "Updating";
}

void TestStatusPresenter::everyStateMapsToIconAndActions()
{
    QFETCH(State, state);
    QFETCH(QString, icon);
    QFETCH(bool, canStart);
    QFETCH(bool, canStop);
    QFETCH(bool, canRestart);
    QFETCH(bool, canOpen);
    QFETCH(bool, needsSetup);
    QFETCH(QString, lineStartsWith);

    ServiceStatus status;
    status.state = state;
    status.url = QStringLiteral("http://127.0.0.1:4096");
    const StatusView view = StatusPresenter::present(status, QDateTime::currentDateTimeUtc());
    QCOMPARE(view.iconName, icon);
    QCOMPARE(view.iconPath(), QStringLiteral(":/icons/tray-%1.svg").arg(icon));
    QCOMPARE(view.canStart, canStart);
    QCOMPARE(view.canStop, canStop);
    QCOMPARE(view.canRestart, canRestart);
    QCOMPARE(view.canOpen, canOpen);
    QCOMPARE(view.needsSetup, needsSetup);
    QVERIFY2(view.statusLine.startsWith(lineStartsWith), qPrintable(view.statusLine));
    QVERIFY(!view.tooltip.isEmpty());
}

void TestStatusPresenter::healthyStatusLineShowsUptime()
{
    const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    ServiceStatus status;
    status.state = State::Healthy;
    status.url = QStringLiteral("http://127.0.0.1:4096");
    status.startedAt = now.addSecs(-3 * 3600 - 59);
    QCOMPARE(StatusPresenter::present(status, now).statusLine, QStringLiteral("Running · healthy · 3 h"));
    QVERIFY(StatusPresenter::present(status, now).tooltip.contains(status.url));
}

void TestStatusPresenter::engineProblemsAreNamed_data()
{
    QTest::addColumn<ServiceStatus::EngineProblem>("problem");
    QTest::addColumn<QString>("words");
    QTest::newRow("permission") << ServiceStatus::EngineProblem::PermissionDenied << "no permission to use Docker";
    QTest::newRow("not running") << ServiceStatus::EngineProblem::NotRunning << "Docker is not running";
    QTest::newRow("not installed") << ServiceStatus::EngineProblem::NotInstalled << "Docker is not installed";
}

void TestStatusPresenter::engineProblemsAreNamed()
{
    QFETCH(ServiceStatus::EngineProblem, problem);
    QFETCH(QString, words);
    ServiceStatus status;
    status.state = State::EngineUnreachable;
    status.engineProblem = problem;
    const StatusView view = StatusPresenter::present(status, QDateTime::currentDateTimeUtc());
    QVERIFY2(view.statusLine.contains(words), qPrintable(view.statusLine));
    QVERIFY(view.tooltip.contains(words));
}

void TestStatusPresenter::restartingCountsRestarts()
{
    ServiceStatus status;
    status.state = State::Restarting;
    status.restartCount = 4;
    QCOMPARE(StatusPresenter::present(status, QDateTime::currentDateTimeUtc()).statusLine,
             QStringLiteral("Restarting · restarted 4 time(s)"));
}

void TestStatusPresenter::openNeedsAUrl()
{
    ServiceStatus status;
    status.state = State::Healthy;
    QVERIFY(!StatusPresenter::present(status, QDateTime::currentDateTimeUtc()).canOpen);
}

void TestStatusPresenter::copyPasswordNeedsAPassword()
{
    ServiceStatus status;
    status.state = State::Healthy;
    QVERIFY(StatusPresenter::present(status, QDateTime::currentDateTimeUtc(), true).canCopyPassword);
    QVERIFY(!StatusPresenter::present(status, QDateTime::currentDateTimeUtc(), false).canCopyPassword);
    status.state = State::NotSetUp;
    QVERIFY(!StatusPresenter::present(status, QDateTime::currentDateTimeUtc(), true).canCopyPassword);
}

void TestStatusPresenter::uptimeUsesTheLargestUnit_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << qint64(45) << "45 s";
    QTest::newRow("minutes round down") << qint64(60 * 12 + 59) << "12 min";
    QTest::newRow("hours") << qint64(3 * 3600 + 1800) << "3 h";
    QTest::newRow("days") << qint64(2 * 86400 + 7200) << "2 d";
    QTest::newRow("a clock running behind is not negative") << qint64(-5) << "0 s";
}

void TestStatusPresenter::uptimeUsesTheLargestUnit()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(StatusPresenter::uptimeText(seconds), text);
}

void TestStatusPresenter::statesAreQEnums()
{
    // They cross queued signals and QTest data columns by their Q_ENUM metatype.
    QCOMPARE(QMetaEnum::fromType<ServiceStatus::State>().valueToKey(int(State::Healthy)), "Healthy");
    QCOMPARE(QMetaEnum::fromType<occ::LogFollowerState::Kind>().keyCount(), 5);
}

void TestStatusPresenter::followerStatesAreWords_data()
{
    using occ::DockerError;
    using Kind = occ::LogFollowerState::Kind;
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<DockerError>("error");
    QTest::addColumn<QString>("words");
    QTest::newRow("following") << Kind::Following << DockerError() << "Following the service's output.";
    QTest::newRow("stopped") << Kind::WaitingForStart << DockerError() << "waiting for it to start";
    QTest::newRow("ended cleanly") << Kind::StreamEnded << DockerError() << "waiting for it to come back";
    QTest::newRow("ended by a broken connection")
        << Kind::StreamEnded << DockerError(DockerError::Category::Connection, QStringLiteral("reset"))
        << "The connection to Docker broke";
    QTest::newRow("no permission") << Kind::EngineError
                                   << DockerError(DockerError::Category::PermissionDenied, QStringLiteral("denied"))
                                   << "no permission to use Docker";
}

void TestStatusPresenter::followerStatesAreWords()
{
    QFETCH(occ::LogFollowerState::Kind, kind);
    QFETCH(occ::DockerError, error);
    QFETCH(QString, words);
    occ::LogFollowerState state;
    state.kind = kind;
    state.error = error;
    const QString text = StatusPresenter::followerText(state);
    QVERIFY2(text.contains(words), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("occ ")) && !text.contains(QLatin1Char('`')), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestStatusPresenter)
#include "TestStatusPresenter.moc"
