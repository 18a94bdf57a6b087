#include "app/TrayActions.h"

#include <QAction>
#include <QFont>

namespace occ {

TrayActions::TrayActions(QObject* parent)
    : QObject(parent)
    , m_status(new QAction(this))
    , m_start(new QAction(tr("&Start"), this))
    , m_stop(new QAction(tr("S&top"), this))
    , m_restart(new QAction(tr("&Restart"), this))
    , m_open(new QAction(tr("&Open in browser"), this))
    , m_copyPassword(new QAction(tr("&Copy password"), this))
    , m_logs(new QAction(tr("Show &logs"), this))
    , m_setup(new QAction(tr("Setup &wizard…"), this))
    , m_settings(new QAction(tr("S&ettings…"), this))
    , m_quit(new QAction(tr("&Quit"), this))
{
    m_status->setObjectName(QStringLiteral("statusAction"));
    m_status->setEnabled(false);
    m_start->setObjectName(QStringLiteral("startAction"));
    m_stop->setObjectName(QStringLiteral("stopAction"));
    m_restart->setObjectName(QStringLiteral("restartAction"));
    m_open->setObjectName(QStringLiteral("openAction"));
    m_copyPassword->setObjectName(QStringLiteral("copyPasswordAction"));
    m_logs->setObjectName(QStringLiteral("logsAction"));
    m_setup->setObjectName(QStringLiteral("setupAction"));
    m_settings->setObjectName(QStringLiteral("settingsAction"));
    m_quit->setObjectName(QStringLiteral("quitAction"));
    render(StatusPresenter::present(ServiceStatus(), QDateTime::currentDateTimeUtc()));
}

QList<QList<QAction*>> TrayActions::groups() const
{
    return {
        {m_status}, {m_start, m_stop, m_restart}, {m_open, m_copyPassword, m_logs}, {m_setup, m_settings}, {m_quit}};
}

void TrayActions::render(const StatusView& view)
{
    m_status->setText(view.statusLine);
    m_start->setEnabled(view.canStart);
    m_stop->setEnabled(view.canStop);
    m_restart->setEnabled(view.canRestart);
    m_open->setEnabled(view.canOpen);
    m_copyPassword->setEnabled(view.canCopyPassword);
    m_logs->setEnabled(view.canShowLogs);
    m_settings->setEnabled(!view.needsSetup);
    // When nothing is set up, the wizard is what the views lead with.
    QFont font = m_setup->font();
    font.setBold(view.needsSetup);
    m_setup->setFont(font);
}

} // namespace occ
