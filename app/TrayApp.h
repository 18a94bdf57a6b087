#pragma once

#include "app/StatusPresenter.h"
#include "core/config/Config.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceStatus.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace occ {

class LogFollower;
class LogHub;
class LogViewer;
class Notifier;
class ServiceMonitor;
class SettingsDialog;
class SetupWizard;
class StatusWindow;
class TrayActions;
class TrayIcon;

// The desktop app's controller: owns the monitor, the tray (or the status window when there is no tray),
// the notifier and the windows, and turns the tray's intents into service operations. Everything it
// shows comes from StatusPresenter.
class TrayApp : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString configPath; // empty: ConfigPaths::configFile()
        bool startMonitor = true; // false in tests: no engine contact
        int trayRetries = 10; // QSystemTrayIcon::isSystemTrayAvailable() checks before falling back
        int trayRetryIntervalMs = 1000;
        bool openWizardOnFirstRun = true;
    };

    explicit TrayApp(Options options, QObject* parent = nullptr);
    ~TrayApp() override;

    void start();

    TrayActions* actions() const { return m_actions; }
    TrayIcon* trayIcon() const { return m_tray; }
    StatusWindow* statusWindow() const { return m_statusWindow; }
    LogViewer* logViewer();
    Notifier* notifier() const { return m_notifier; }
    SetupWizard* wizard() const;
    const StatusView& view() const { return m_view; }
    const Config& config() const { return m_config; }
    bool configExists() const { return m_configExists; }

    // Renders a status as if the monitor reported it (tests).
    void showStatus(const occ::ServiceStatus& status);

public Q_SLOTS:
    void startService();
    void stopService();
    void restartService();
    void openInBrowser();
    void copyPassword();
    void showLogs();
    void showSetupWizard();
    void showSettings();
    // The second instance asked us to show up.
    void raise();
    void quit();

private:
    void reloadConfig();
    QString password() const;
    void checkTray();
    void useStatusWindow();
    void notify(const QString& title, const QString& message, bool critical);
    void runOperation(int kind);
    // Tells the user why an operation failed, in the desktop's words, and offers the fix.
    void reportFailure(int kind, const ServiceError& error);
    void runRemedy(int remedy);
    // The "Turn on the front door" remedy: saved in the config, used from the next (re)start on.
    void enableFrontDoor();
    void rerender();

    Options m_options;
    Config m_config;
    bool m_configExists = false;
    ServiceMonitor* m_monitor;
    Notifier* m_notifier;
    TrayActions* m_actions;
    TrayIcon* m_tray;
    StatusWindow* m_statusWindow = nullptr;
    QPointer<LogViewer> m_logViewer;
    LogFollower* m_logFollower = nullptr;
    LogHub* m_logHub = nullptr;
    QPointer<SetupWizard> m_wizard;
    QPointer<SettingsDialog> m_settings;
    ServiceStatus m_status;
    StatusView m_view;
    QTimer m_trayTimer;
    int m_trayAttempts = 0;
    bool m_operationRunning = false;
    // ErrorPresenter::Remedy of the last failure notification: clicking the message runs it.
    int m_pendingRemedy = 0;
};

} // namespace occ
