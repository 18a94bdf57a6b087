#pragma once

#include "app/StatusPresenter.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace occ {

// Shown instead of the tray icon when the desktop has no system tray: the same status and actions in a
// small window. Closing it hides it; Quit quits.
class StatusWindow : public QWidget
{
    Q_OBJECT
public:
    explicit StatusWindow(QWidget* parent = nullptr);

    void render(const StatusView& view);
    QLabel* statusLabel() const { return m_status; }

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

private:
    QLabel* m_icon;
    QLabel* m_status;
    QLabel* m_detail;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_restart;
    QPushButton* m_open;
    QPushButton* m_copyPassword;
    QPushButton* m_logs;
    QPushButton* m_setup;
    QPushButton* m_settings;
    QString m_iconName;
};

} // namespace occ
