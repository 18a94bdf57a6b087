#pragma once

#include "app/StatusPresenter.h"

#include <QList>
#include <QWidget>

class QLabel;
class QToolButton;

namespace occ {

class TrayActions;

// Shown instead of the tray icon when the desktop has no system tray: the same status and the same
// actions (the tray's TrayActions, as buttons) in a small window. Closing it hides it; Quit quits.
class StatusWindow : public QWidget
{
    Q_OBJECT
public:
    explicit StatusWindow(TrayActions* actions, QWidget* parent = nullptr);

    void render(const StatusView& view);
    QLabel* statusLabel() const { return m_status; }
    // One button per action, in the tray menu's order.
    const QList<QToolButton*>& buttons() const { return m_buttons; }

private:
    QLabel* m_icon;
    QLabel* m_status;
    QLabel* m_detail;
    QList<QToolButton*> m_buttons;
    QString m_iconName;
};

} // namespace occ
