#include "app/StatusWindow.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace occ {

StatusWindow::StatusWindow(QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_status(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_restart(new QPushButton(tr("&Restart"), this))
    , m_open(new QPushButton(tr("&Open in browser"), this))
    , m_copyPassword(new QPushButton(tr("&Copy password"), this))
    , m_logs(new QPushButton(tr("Show &logs"), this))
    , m_setup(new QPushButton(tr("Setup &wizard…"), this))
    , m_settings(new QPushButton(tr("S&ettings…"), this))
{
    setObjectName(QStringLiteral("StatusWindow"));
    setWindowTitle(tr("opencode-cloud"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opencode-cloud.svg")));
    QFont bold = m_status->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_status->setFont(bold);
    m_detail->setWordWrap(true);
    m_icon->setFixedSize(48, 48);

    auto* header = new QHBoxLayout;
    header->addWidget(m_icon);
    auto* texts = new QVBoxLayout;
    texts->addWidget(m_status);
    texts->addWidget(m_detail);
    header->addLayout(texts, 1);
    auto* note = new QLabel(tr("Your desktop has no system tray, so opencode-cloud shows this window instead."), this);
    note->setWordWrap(true);
    auto* grid = new QGridLayout;
    grid->addWidget(m_start, 0, 0);
    grid->addWidget(m_stop, 0, 1);
    grid->addWidget(m_restart, 0, 2);
    grid->addWidget(m_open, 1, 0);
    grid->addWidget(m_copyPassword, 1, 1);
    grid->addWidget(m_logs, 1, 2);
    grid->addWidget(m_setup, 2, 0);
    grid->addWidget(m_settings, 2, 1);
    auto* quit = new QPushButton(tr("&Quit"), this);
    grid->addWidget(quit, 2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(grid);
    layout->addWidget(note);

    connect(m_start, &QPushButton::clicked, this, &StatusWindow::startRequested);
    connect(m_stop, &QPushButton::clicked, this, &StatusWindow::stopRequested);
    connect(m_restart, &QPushButton::clicked, this, &StatusWindow::restartRequested);
    connect(m_open, &QPushButton::clicked, this, &StatusWindow::openInBrowserRequested);
    connect(m_copyPassword, &QPushButton::clicked, this, &StatusWindow::copyPasswordRequested);
    connect(m_logs, &QPushButton::clicked, this, &StatusWindow::showLogsRequested);
    connect(m_setup, &QPushButton::clicked, this, &StatusWindow::setupRequested);
    connect(m_settings, &QPushButton::clicked, this, &StatusWindow::settingsRequested);
    connect(quit, &QPushButton::clicked, this, &StatusWindow::quitRequested);
}

void StatusWindow::render(const StatusView& view)
{
    if (view.iconName != m_iconName) {
        m_iconName = view.iconName;
        m_icon->setPixmap(QIcon(view.iconPath()).pixmap(48, 48));
    }
    m_status->setText(view.statusLine);
    m_detail->setText(view.tooltip);
    m_start->setEnabled(view.canStart);
    m_stop->setEnabled(view.canStop);
    m_restart->setEnabled(view.canRestart);
    m_open->setEnabled(view.canOpen);
    m_copyPassword->setEnabled(view.canCopyPassword);
    m_logs->setEnabled(view.canShowLogs);
    m_settings->setEnabled(!view.needsSetup);
}

} // namespace occ
