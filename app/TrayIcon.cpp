#include "app/TrayIcon.h"

#include "app/TrayActions.h"

#include <QAction>
#include <QCursor>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace occ {

TrayIcon::TrayIcon(TrayActions* actions, QObject* parent)
    : QObject(parent)
    , m_actions(actions)
    , m_menu(new QMenu)
    , m_tray(new QSystemTrayIcon(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    const auto groups = m_actions->groups();
    for (const auto& group : groups) {
        if (!m_menu->isEmpty()) {
            m_menu->addSeparator();
        }
        m_menu->addActions(group);
    }
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::menuAboutToShow);

    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) { handleActivated(int(reason)); });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
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
