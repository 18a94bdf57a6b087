#include "app/StatusWindow.h"

#include "app/TrayActions.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace occ {

StatusWindow::StatusWindow(TrayActions* actions, QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_status(new QLabel(this))
    , m_detail(new QLabel(this))
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

    // The menu's groups below each other, three buttons a row; the status line is the header instead.
    auto* grid = new QGridLayout;
    QList<QAction*> buttonActions;
    const auto groups = actions->groups();
    for (const auto& group : groups) {
        if (!group.contains(actions->status())) {
            buttonActions += group;
        }
    }
    for (QAction* action : buttonActions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        grid->addWidget(button, int(m_buttons.size()) / 3, int(m_buttons.size()) % 3);
        m_buttons.append(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(grid);
    layout->addWidget(note);
}

void StatusWindow::render(const StatusView& view)
{
    if (view.iconName != m_iconName) {
        m_iconName = view.iconName;
        m_icon->setPixmap(QIcon(view.iconPath()).pixmap(48, 48));
    }
    m_status->setText(view.statusLine);
    m_detail->setText(view.tooltip);
}

} // namespace occ
