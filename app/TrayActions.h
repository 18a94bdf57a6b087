#pragma once

#include "app/StatusPresenter.h"

#include <QList>
#include <QObject>

class QAction;

namespace occ {

// The one set of actions the tray menu and the fallback status window both show (Syncthing Tray shares
// its actions the same way). It owns the QActions and their enablement, which follows the StatusView the
// controller renders; the controller connects each action's triggered() to what it does.
class TrayActions : public QObject
{
    Q_OBJECT
public:
    explicit TrayActions(QObject* parent = nullptr);

    void render(const StatusView& view);

    // The status line: a disabled entry at the top of the menu.
    QAction* status() const { return m_status; }
    QAction* start() const { return m_start; }
    QAction* stop() const { return m_stop; }
    QAction* restart() const { return m_restart; }
    QAction* openInBrowser() const { return m_open; }
    QAction* copyPassword() const { return m_copyPassword; }
    QAction* showLogs() const { return m_logs; }
    QAction* setup() const { return m_setup; }
    QAction* settings() const { return m_settings; }
    QAction* quit() const { return m_quit; }

    // Grouped as the menu shows them (status line first); the status window lays out the same groups.
    QList<QList<QAction*>> groups() const;

private:
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
};

} // namespace occ
