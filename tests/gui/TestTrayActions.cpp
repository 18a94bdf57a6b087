// The tray menu and the fallback status window show one set of actions (TrayActions), whose enablement
// follows the status the controller renders. Runs the real TrayApp with the monitor off, offscreen (no
// tray there, so the status window stands in and both views exist).
#include "app/Dialogs.h"
#include "app/LogViewer.h"
#include "app/StatusWindow.h"
#include "app/TrayActions.h"
#include "app/TrayApp.h"
#include "app/TrayIcon.h"
#include "core/config/ConfigStore.h"
#include "wizard/ErrorPresenter.h"
#include "wizard/SetupWizard.h"

#include <QAction>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace occ;

class TestTrayActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void enablementFollowsEachState_data();
    void enablementFollowsEachState();
    void bothViewsShowTheSameActions();
    void aButtonAndTheMenuEntryDoTheSameThing();
    void aFailedStartOffersTheFixNotACommand();

private:
    QTemporaryDir m_home;
    std::unique_ptr<TrayApp> m_app;
};

void TestTrayActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
}

void TestTrayActions::init()
{
    TrayApp::Options options;
    options.configPath = m_home.filePath(QStringLiteral("no-config/config.json"));
    options.startMonitor = false;
    options.openWizardOnFirstRun = false;
    options.trayRetries = 1;
    m_app = std::make_unique<TrayApp>(options);
    m_app->start();
    QVERIFY(m_app->statusWindow());
}

void TestTrayActions::cleanup()
{
    m_app.reset();
}

void TestTrayActions::enablementFollowsEachState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("url");
    // start, stop, restart, open, logs, settings
    QTest::addColumn<QList<bool>>("enabled");
    using S = ServiceStatus::State;
    const QString url = QStringLiteral("http://127.0.0.1:4096");
    QTest::newRow("not set up: only the wizard leads")
        << int(S::NotSetUp) << QString() << QList<bool>{false, false, false, false, false, false};
    QTest::newRow("engine unreachable: nothing to start or stop")
        << int(S::EngineUnreachable) << QString() << QList<bool>{false, false, false, false, false, true};
    QTest::newRow("stopped: start") << int(S::Stopped) << QString()
                                    << QList<bool>{true, false, false, false, true, true};
    QTest::newRow("starting: stop") << int(S::Starting) << QString()
                                    << QList<bool>{false, true, false, false, true, true};
    QTest::newRow("healthy: stop, restart, open")
        << int(S::Healthy) << url << QList<bool>{false, true, true, true, true, true};
    QTest::newRow("healthy without a URL cannot open")
        << int(S::Healthy) << QString() << QList<bool>{false, true, true, false, true, true};
    QTest::newRow("unhealthy: stop, restart, open")
        << int(S::Unhealthy) << url << QList<bool>{false, true, true, true, true, true};
    QTest::newRow("restarting: stop") << int(S::Restarting) << url
                                      << QList<bool>{false, true, false, false, true, true};
    QTest::newRow("updating: nothing to start or stop")
        << int(S::Updating) << url << QList<bool>{false, false, false, false, true, true};
}

void TestTrayActions::enablementFollowsEachState()
{
    QFETCH(int, state);
    QFETCH(QString, url);
    QFETCH(QList<bool>, enabled);
    ServiceStatus status;
    status.state = ServiceStatus::State(state);
    status.url = url;
    m_app->showStatus(status);

    TrayActions* a = m_app->actions();
    const QList<QAction*> actions{a->start(),         a->stop(),     a->restart(),
                                  a->openInBrowser(), a->showLogs(), a->settings()};
    for (int i = 0; i < actions.size(); ++i) {
        QVERIFY2(actions.at(i)->isEnabled() == enabled.at(i), qPrintable(actions.at(i)->objectName()));
    }
    // The actions the user can never lose, whatever the state.
    QVERIFY(a->setup()->isEnabled());
    QVERIFY(a->quit()->isEnabled());
    QVERIFY(!a->status()->isEnabled());
    QCOMPARE(a->status()->text(), m_app->view().statusLine);
    QVERIFY(!a->status()->text().isEmpty());
    // The status window's buttons follow their action.
    const auto buttons = m_app->statusWindow()->buttons();
    for (QToolButton* button : buttons) {
        QCOMPARE(button->isEnabled(), button->defaultAction()->isEnabled());
    }
    QCOMPARE(a->setup()->font().bold(), state == int(ServiceStatus::State::NotSetUp));
}

void TestTrayActions::bothViewsShowTheSameActions()
{
    TrayActions* a = m_app->actions();
    QList<QAction*> inMenu;
    const auto menuActions = m_app->trayIcon()->menu()->actions();
    for (QAction* action : menuActions) {
        if (!action->isSeparator()) {
            inMenu.append(action);
        }
    }
    const QList<QAction*> all{a->status(),       a->start(),    a->stop(),  a->restart(),  a->openInBrowser(),
                              a->copyPassword(), a->showLogs(), a->setup(), a->settings(), a->quit()};
    QCOMPARE(inMenu, all);

    QList<QAction*> onButtons;
    const auto buttons = m_app->statusWindow()->buttons();
    for (QToolButton* button : buttons) {
        onButtons.append(button->defaultAction());
    }
    // Every action but the status line (the window's header shows that) is a button, the same object.
    QCOMPARE(onButtons, all.mid(1));
}

void TestTrayActions::aButtonAndTheMenuEntryDoTheSameThing()
{
    ServiceStatus status;
    status.state = ServiceStatus::State::Stopped;
    m_app->showStatus(status);
    QToolButton* logsButton = nullptr;
    const auto buttons = m_app->statusWindow()->buttons();
    for (QToolButton* button : buttons) {
        if (button->defaultAction() == m_app->actions()->showLogs()) {
            logsButton = button;
        }
    }
    QVERIFY(logsButton);
    QVERIFY(!m_app->logViewer()->isVisible());
    QTest::mouseClick(logsButton, Qt::LeftButton);
    QVERIFY(m_app->logViewer()->isVisible());
    m_app->logViewer()->hide();
    m_app->actions()->showLogs()->trigger(); // what the tray menu entry does
    QVERIFY(m_app->logViewer()->isVisible());
    m_app->logViewer()->hide();
}

void TestTrayActions::aFailedStartOffersTheFixNotACommand()
{
    // A real start against an engine that is not there: ServiceController reports it with the CLI's advice
    // (`sudo systemctl start docker`, `occ setup`); the desktop names the problem and offers the wizard.
    const QString configPath = m_home.filePath(QStringLiteral("no-engine/config.json"));
    const auto written = ConfigStore(configPath).update([this](Config& config) {
        config.dockerHost = QStringLiteral("unix://") + m_home.filePath(QStringLiteral("no-engine/docker.sock"));
    });
    QVERIFY(written.ok());
    TrayApp::Options options;
    options.configPath = configPath;
    options.startMonitor = false;
    options.openWizardOnFirstRun = false;
    options.trayRetries = 1;
    m_app = std::make_unique<TrayApp>(options);
    m_app->start();
    QVERIFY(m_app->actions()->start()->isEnabled());

    Dialogs::setNextAnswer(Dialogs::Answer::Yes);
    m_app->actions()->start()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(Dialogs::lastText().contains(QStringLiteral("Docker is not running")), 20000);
    const QString text = Dialogs::lastText();
    QVERIFY2(!text.contains(QStringLiteral("occ ")) && !text.contains(QLatin1Char('`')), qPrintable(text));
    QVERIFY2(text.contains(ErrorPresenter::remedyLabel(ErrorPresenter::Remedy::OpenSetup)), qPrintable(text));
    // Yes: the wizard, whose detection page explains how to get Docker going.
    QTRY_VERIFY(m_app->wizard() && m_app->wizard()->isVisible());
    m_app->wizard()->close();
    QTRY_VERIFY(!m_app->wizard()); // deleted on close, before the app that owns its detection goes
}

QTEST_MAIN(TestTrayActions)
#include "TestTrayActions.moc"
