#include "app/TrayIcon.h"

#include <QAction>
#include <QCursor>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace occ {

TrayIcon::TrayIcon(QObject* parent)
    : QObject(parent)
    , m_menu(new QMenu)
    , m_tray(new QSystemTrayIcon(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_status = m_menu->addAction(QString());
    m_status->setEnabled(false);
    m_menu->addSeparator();
    m_start = m_menu->addAction(tr("&Start"), this, &TrayIcon::startRequested);
    m_stop = m_menu->addAction(tr("S&top"), this, &TrayIcon::stopRequested);
    m_restart = m_menu->addAction(tr("&Restart"), this, &TrayIcon::restartRequested);
    m_menu->addSeparator();
    m_open = m_menu->addAction(tr("&Open in browser"), this, &TrayIcon::openInBrowserRequested);
    m_copyPassword = m_menu->addAction(tr("&Copy password"), this, &TrayIcon::copyPasswordRequested);
    m_logs = m_menu->addAction(tr("Show &logs"), this, &TrayIcon::showLogsRequested);
    m_menu->addSeparator();
    m_setup = m_menu->addAction(tr("Setup &wizard…"), this, &TrayIcon::setupRequested);
    m_settings = m_menu->addAction(tr("S&ettings…"), this, &TrayIcon::settingsRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::menuAboutToShow);

    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) { handleActivated(int(reason)); });
    render(StatusPresenter::present(ServiceStatus(), QDateTime::currentDateTimeUtc()));
}

TrayIcon::~TrayIcon()
{
    // QSystemTrayIcon does not take ownership of its context menu.
    delete m_menu;
}

void TrayIcon::render(const StatusView& view)
{
    if (view.iconName != m_iconName) {
        m_iconName = view.iconName;
        m_tray->setIcon(QIcon(view.iconPath()));
    }
    m_tray->setToolTip(view.tooltip);
    m_status->setText(view.statusLine);
    m_start->setEnabled(view.canStart);
    m_stop->setEnabled(view.canStop);
    m_restart->setEnabled(view.canRestart);
    m_open->setEnabled(view.canOpen);
    m_copyPassword->setEnabled(view.canCopyPassword);
    m_logs->setEnabled(view.canShowLogs);
    m_settings->setEnabled(!view.needsSetup);
    // When nothing is set up, the wizard is what the menu leads with.
    QFont font = m_setup->font();
    font.setBold(view.needsSetup);
    m_setup->setFont(font);
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::hide()
{
    m_tray->hide();
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible();
}

void TrayIcon::showMessage(const QString& title, const QString& message, bool critical)
{
    m_tray->showMessage(title, message, critical ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

void TrayIcon::handleActivated(int reason)
{
    if (reason != QSystemTrayIcon::Trigger) {
        return;
    }
    // QTBUG-69698: some X11 trays deliver one left click as two Trigger activations; ignore the echo.
    if (m_lastTrigger.isValid() && m_lastTrigger.elapsed() < 400) {
        return;
    }
    m_lastTrigger.start();
    // A left click shows the same menu as a right click: every action is one click away either way.
    m_menu->popup(QCursor::pos());
}

} // namespace occ
