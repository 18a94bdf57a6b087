#pragma once

#include "app/StatusPresenter.h"

#include <QElapsedTimer>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace occ {

class TrayActions;

// The system tray icon and the menu it owns. The menu shows the shared TrayActions; the icon and tooltip
// render a StatusView. The controller decides what the actions do.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(TrayActions* actions, QObject* parent = nullptr);
    ~TrayIcon() override;

    void render(const StatusView& view);
    void show();
    void hide();
    bool isVisible() const;
    void showMessage(const QString& title, const QString& message, bool critical);

    QMenu* menu() const { return m_menu; }
    QSystemTrayIcon* systemTrayIcon() const { return m_tray; }
    TrayActions* actions() const { return m_actions; }

Q_SIGNALS:
    // The menu is about to open: a chance to refresh the uptime without a timer while idle.
    void menuAboutToShow();
    // The user clicked the last message shown with showMessage().
    void messageClicked();

private:
    void handleActivated(int reason);

    TrayActions* m_actions;
    QMenu* m_menu;
    QSystemTrayIcon* m_tray;
    QString m_iconName;
    QElapsedTimer m_lastTrigger;
};

} // namespace occ
