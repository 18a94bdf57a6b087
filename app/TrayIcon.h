#pragma once

#include "app/StatusPresenter.h"

#include <QElapsedTimer>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace occ {

// The system tray icon and the menu it owns. It only renders a StatusView and turns clicks into intents;
// the controller decides what they do.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject* parent = nullptr);
    ~TrayIcon() override;

    void render(const StatusView& view);
    void show();
    void hide();
    bool isVisible() const;
    void showMessage(const QString& title, const QString& message, bool critical);

    QMenu* menu() const { return m_menu; }
    QSystemTrayIcon* systemTrayIcon() const { return m_tray; }
    QAction* statusAction() const { return m_status; }
    QAction* startAction() const { return m_start; }
    QAction* stopAction() const { return m_stop; }
    QAction* restartAction() const { return m_restart; }
    QAction* openAction() const { return m_open; }
    QAction* copyPasswordAction() const { return m_copyPassword; }
    QAction* logsAction() const { return m_logs; }
    QAction* setupAction() const { return m_setup; }
    QAction* settingsAction() const { return m_settings; }
    QAction* quitAction() const { return m_quit; }

Q_SIGNALS:
    void startRequested();
    void stopRequested();
    void restartRequested();
    void openInBrowserRequested();
    void copyPasswordRequested();
    void showLogsRequested();
    void setupRequested();
    void settingsRequested();
    void quitRequested();
    // The menu is about to open: a chance to refresh the uptime without a timer while idle.
    void menuAboutToShow();

private:
    void handleActivated(int reason);

    QMenu* m_menu;
    QSystemTrayIcon* m_tray;
    QAction* m_status;
    QAction* m_start;
    QAction* m_stop;
    QAction* m_restart;
    QAction* m_open;
    QAction* m_copyPassword;
    QAction* m_logs;
    QAction* m_setup;
    QAction* m_settings;
    QAction* m_quit;
    QString m_iconName;
    QElapsedTimer m_lastTrigger;
};

} // namespace occ
