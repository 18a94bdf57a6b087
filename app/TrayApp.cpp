#include "app/TrayApp.h"

#include "app/Dialogs.h"
#include "app/LogViewer.h"
#include "app/Notifier.h"
#include "app/SettingsDialog.h"
#include "app/StatusWindow.h"
#include "app/TrayActions.h"
#include "app/TrayIcon.h"
#include "core/autostart/Autostart.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/detection/Detection.h"
#include "core/logging/LogHub.h"
#include "core/logging/Logging.h"
#include "core/service/LogFollower.h"
#include "core/service/ServiceMonitor.h"
#include "core/service/ServiceOperation.h"
#include "core/service/ServiceSpec.h"
#include "wizard/DefaultSetupBackend.h"
#include "wizard/ErrorPresenter.h"
#include "wizard/SetupWizard.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QUrl>

#include <utility>

namespace occ {

TrayApp::TrayApp(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_monitor(new ServiceMonitor(this))
    , m_notifier(new Notifier(this))
    , m_actions(new TrayActions(this))
    , m_tray(new TrayIcon(m_actions, this))
{
    if (m_options.configPath.isEmpty()) {
        m_options.configPath = ConfigPaths::configFile();
    }
    qRegisterMetaType<ServiceStatus>();

    if (m_options.startMonitor) {
        connect(m_monitor, &ServiceMonitor::statusChanged, this, &TrayApp::showStatus);
    }
    connect(m_notifier, &Notifier::notify, this,
            [this](Notifier::Kind, const QString& title, const QString& message, bool critical) {
                notify(title, message, critical);
            });

    // One set of actions for the tray menu and the status window.
    connect(m_actions->start(), &QAction::triggered, this, &TrayApp::startService);
    connect(m_actions->stop(), &QAction::triggered, this, &TrayApp::stopService);
    connect(m_actions->restart(), &QAction::triggered, this, &TrayApp::restartService);
    connect(m_actions->openInBrowser(), &QAction::triggered, this, &TrayApp::openInBrowser);
    connect(m_actions->copyPassword(), &QAction::triggered, this, &TrayApp::copyPassword);
    connect(m_actions->showLogs(), &QAction::triggered, this, &TrayApp::showLogs);
    connect(m_actions->setup(), &QAction::triggered, this, &TrayApp::showSetupWizard);
    connect(m_actions->settings(), &QAction::triggered, this, &TrayApp::showSettings);
    connect(m_actions->quit(), &QAction::triggered, this, &TrayApp::quit);
    // The uptime in the status line is refreshed when someone looks, not by a timer: idle means idle.
    connect(m_tray, &TrayIcon::menuAboutToShow, this, &TrayApp::rerender);
    connect(m_tray, &TrayIcon::messageClicked, this, [this] { runRemedy(std::exchange(m_pendingRemedy, 0)); });

    m_trayTimer.setInterval(m_options.trayRetryIntervalMs);
    connect(&m_trayTimer, &QTimer::timeout, this, &TrayApp::checkTray);

    reloadConfig();
}

TrayApp::~TrayApp()
{
    delete m_logViewer;
    delete m_statusWindow;
}

SetupWizard* TrayApp::wizard() const
{
    return m_wizard.data();
}

void TrayApp::reloadConfig()
{
    ConfigStore store(m_options.configPath);
    m_configExists = store.exists();
    const auto loaded = store.load();
    m_config = loaded ? loaded.value() : Config();
    m_monitor->setConfig(m_config, password(), m_configExists);
    if (m_logFollower) {
        m_logFollower->setConfig(m_config);
    }
}

QString TrayApp::password() const
{
    FileCredentialStore store(ConfigPaths::credentialsFile(m_options.configPath));
    const auto result = store.password();
    return result ? result.value() : QString();
}

void TrayApp::start()
{
    ServiceStatus initial;
    initial.state = m_configExists ? ServiceStatus::State::Stopped : ServiceStatus::State::NotSetUp;
    if (!m_configExists || !m_options.startMonitor) {
        showStatus(initial);
    }
    checkTray();
    if (m_options.startMonitor) {
        m_monitor->start();
    }
    if (!m_configExists && m_options.openWizardOnFirstRun) {
        showSetupWizard();
    }
}

void TrayApp::checkTray()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayTimer.stop();
        if (m_statusWindow) {
            m_statusWindow->hide();
        }
        m_tray->show();
        return;
    }
    // The tray host (a panel) may start after us at login: retry for a while before falling back.
    if (++m_trayAttempts < m_options.trayRetries) {
        if (!m_trayTimer.isActive()) {
            m_trayTimer.start();
        }
        return;
    }
    m_trayTimer.stop();
    useStatusWindow();
}

void TrayApp::useStatusWindow()
{
    if (!m_statusWindow) {
        m_statusWindow = new StatusWindow(m_actions);
        m_statusWindow->render(m_view);
    }
    m_statusWindow->show();
}

void TrayApp::showStatus(const ServiceStatus& status)
{
    m_status = status;
    m_notifier->handleStatus(status);
    rerender();
}

void TrayApp::rerender()
{
    ServiceStatus shown = m_status;
    if (shown.url.isEmpty() && m_configExists) {
        shown.url = ServiceSpec::url(m_config);
    }
    m_view = StatusPresenter::present(
        shown, QDateTime::currentDateTimeUtc(),
        m_configExists && FileCredentialStore(ConfigPaths::credentialsFile(m_options.configPath)).hasPassword());
    if (m_operationRunning) {
        m_view.canStart = m_view.canStop = m_view.canRestart = false;
    }
    m_actions->render(m_view);
    m_tray->render(m_view);
    if (m_statusWindow) {
        m_statusWindow->render(m_view);
    }
}

void TrayApp::notify(const QString& title, const QString& message, bool critical)
{
    m_pendingRemedy = int(ErrorPresenter::Remedy::None);
    if (m_tray->isVisible()) {
        m_tray->showMessage(title, message, critical);
    }
}

void TrayApp::runOperation(int kind)
{
    if (m_operationRunning) {
        return;
    }
    m_operationRunning = true;
    rerender();
    auto* operation = new ServiceOperation(ServiceOperation::Kind(kind), m_config, password(), this);
    connect(operation, &ServiceOperation::finished, this, [this, kind](const ServiceOutcome& outcome) {
        m_operationRunning = false;
        m_monitor->refresh();
        rerender();
        if (!outcome.ok()) {
            reportFailure(kind, outcome.error);
        }
    });
    operation->start();
}

void TrayApp::reportFailure(int kind, const ServiceError& error)
{
    // The whole story, with the engine's words, goes to the app's log (the log viewer shows it).
    Logging::get("app")->warn("{} failed: {}",
                              ServiceOperation::Kind(kind) == ServiceOperation::Kind::Stop ? "stop" : "start",
                              error.message.toStdString());
    const QString title = ServiceOperation::Kind(kind) == ServiceOperation::Kind::Stop
        ? tr("opencode-cloud could not be stopped")
        : tr("opencode-cloud could not be started");
    const ErrorPresenter::View view = ErrorPresenter::service(error, m_config);
    const QString remedy = ErrorPresenter::remedyLabel(view.remedy);
    if (m_tray->isVisible()) {
        notify(title, remedy.isEmpty() ? view.text : view.text + QLatin1Char('\n') + tr("Click here: %1.").arg(remedy),
               true);
        m_pendingRemedy = int(view.remedy);
        return;
    }
    if (remedy.isEmpty()) {
        Dialogs::critical(nullptr, title, view.text);
        return;
    }
    if (Dialogs::question(nullptr, title,
                          view.text + QStringLiteral("\n\n")
                              + tr("%1?", "offer a remedy as a question: \"Open Settings?\"").arg(remedy))
        == Dialogs::Answer::Yes) {
        runRemedy(int(view.remedy));
    }
}

void TrayApp::runRemedy(int remedy)
{
    switch (ErrorPresenter::Remedy(remedy)) {
    case ErrorPresenter::Remedy::None:
        break;
    case ErrorPresenter::Remedy::OpenSetup:
        showSetupWizard();
        break;
    case ErrorPresenter::Remedy::OpenSettings:
        showSettings();
        break;
    case ErrorPresenter::Remedy::ShowLogs:
        showLogs();
        break;
    case ErrorPresenter::Remedy::EnableFrontDoor:
        enableFrontDoor();
        break;
    }
}

void TrayApp::enableFrontDoor()
{
    const auto saved = ConfigStore(m_options.configPath).update([](Config& config) { config.frontDoorEnabled = true; });
    if (!saved) {
        Dialogs::critical(nullptr, tr("Settings"),
                          tr("The settings could not be saved:\n%1").arg(toString(saved.error())));
        return;
    }
    reloadConfig();
    if (m_status.state != ServiceStatus::State::Stopped && m_status.state != ServiceStatus::State::NotSetUp) {
        restartService();
    }
    rerender();
}

void TrayApp::startService()
{
    runOperation(int(ServiceOperation::Kind::Start));
}

void TrayApp::stopService()
{
    runOperation(int(ServiceOperation::Kind::Stop));
}

void TrayApp::restartService()
{
    runOperation(int(ServiceOperation::Kind::Restart));
}

void TrayApp::openInBrowser()
{
    // ServiceSpec::url() is the public URL when one is configured, else the local address.
    QDesktopServices::openUrl(QUrl(ServiceSpec::url(m_config)));
}

void TrayApp::copyPassword()
{
    const QString secret = password();
    if (secret.isEmpty()) {
        notify(tr("No password"), tr("No password is stored. Set one in Settings."), true);
        return;
    }
    QGuiApplication::clipboard()->setText(secret);
    notify(tr("Password copied"), tr("The password for user \"%1\" is on the clipboard.").arg(m_config.username),
           false);
}

LogViewer* TrayApp::logViewer()
{
    if (!m_logViewer) {
        m_logViewer = new LogViewer;
        m_logViewer->setAttribute(Qt::WA_DeleteOnClose, false);
        if (auto sink = Logging::ringBuffer()) {
            m_logHub = new LogHub(sink, this);
            const QStringList backlog = m_logHub->backlog();
            for (const QString& line : backlog) {
                m_logViewer->appendAppLine(line, 2);
            }
            connect(m_logHub, &LogHub::logRecorded, m_logViewer, &LogViewer::appendAppLine);
        }
        // Follow the container only while the window is open: a hidden viewer costs nothing.
        connect(m_logViewer, &LogViewer::visibilityChanged, this, [this](bool visible) {
            if (!m_options.startMonitor) {
                return;
            }
            if (visible && !m_logFollower) {
                m_logFollower = new LogFollower(this);
                m_logFollower->setConfig(m_config);
                connect(m_logFollower, &LogFollower::linesReceived, m_logViewer, &LogViewer::appendServiceLines);
                connect(m_logFollower, &LogFollower::stateChanged, m_logViewer, &LogViewer::setFollowerState);
                m_logFollower->start();
            } else if (!visible && m_logFollower) {
                m_logFollower->stop();
                m_logFollower->deleteLater();
                m_logFollower = nullptr;
            }
        });
    }
    return m_logViewer;
}

void TrayApp::showLogs()
{
    LogViewer* viewer = logViewer();
    viewer->show();
    viewer->raise();
    viewer->activateWindow();
}

void TrayApp::showSetupWizard()
{
    if (m_wizard) {
        m_wizard->show();
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    SetupContext context;
    context.configPath = m_options.configPath;
    context.config = m_config;
    context.configExists = m_configExists;
    context.hasPassword = FileCredentialStore(ConfigPaths::credentialsFile(m_options.configPath)).hasPassword();
    context.startAtLogin = Autostart::create()->isEnabled();
    auto* detection = new Detection(this);
    auto* backend = new DefaultSetupBackend(m_options.configPath, this);
    m_wizard = new SetupWizard(context, detection, backend);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &SetupWizard::setupApplied, this, [this] {
        reloadConfig();
        m_monitor->refresh();
        rerender();
    });
    connect(m_wizard, &QObject::destroyed, detection, &QObject::deleteLater);
    connect(m_wizard, &QObject::destroyed, backend, &QObject::deleteLater);
    m_wizard->show();
}

void TrayApp::showSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    m_settings = new SettingsDialog(m_options.configPath);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    const QString problem = m_settings->load();
    if (!problem.isEmpty()) {
        Dialogs::critical(nullptr, tr("Settings"),
                          tr("The config file has problems; fix them first:\n%1").arg(problem));
        m_settings->deleteLater();
        return;
    }
    connect(m_settings, &SettingsDialog::settingsSaved, this, [this](const Config&, bool changed) {
        reloadConfig();
        const bool running = m_status.state == ServiceStatus::State::Healthy
            || m_status.state == ServiceStatus::State::Unhealthy || m_status.state == ServiceStatus::State::Starting;
        if (changed && running
            && Dialogs::question(nullptr, tr("Restart the service?"),
                                 tr("The new settings take effect when the service restarts. Restart it now?"))
                == Dialogs::Answer::Yes) {
            restartService();
        }
        rerender();
    });
    m_settings->show();
}

void TrayApp::raise()
{
    if (m_wizard) {
        m_wizard->show();
        m_wizard->raise();
        m_wizard->activateWindow();
    } else if (!m_configExists) {
        showSetupWizard();
    } else if (m_statusWindow) {
        m_statusWindow->show();
        m_statusWindow->raise();
    } else {
        showLogs();
    }
}

void TrayApp::quit()
{
    m_monitor->stop();
    if (m_logFollower) {
        m_logFollower->stop();
    }
    QCoreApplication::quit();
}

} // namespace occ
