#include "wizard/widgets/PersistenceWidget.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace occ {

PersistenceWidget::PersistenceWidget(QWidget* parent)
    : QWidget(parent)
    , m_volumes(new QRadioButton(tr("Docker &volumes (recommended)"), this))
    , m_folder(new QRadioButton(tr("A &folder on this computer for the workspace"), this))
    , m_group(new QButtonGroup(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_existing(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_volumes->setObjectName(QStringLiteral("storageVolumes"));
    m_folder->setObjectName(QStringLiteral("storageFolder"));
    m_path->setObjectName(QStringLiteral("workspacePath"));
    m_group->addButton(m_volumes, static_cast<int>(SetupChoices::Storage::NamedVolumes));
    m_group->addButton(m_folder, static_cast<int>(SetupChoices::Storage::Folder));
    m_volumes->setChecked(true);
    m_path->setPlaceholderText(QDir::homePath() + QStringLiteral("/code"));
    m_path->setAccessibleName(tr("Workspace folder"));
    m_existing->setWordWrap(true);
    m_status->setWordWrap(true);

    auto* volumesHint = new QLabel(tr("Your projects and opencode's data live in Docker volumes that survive "
                                      "updates and re-creating the container."),
                                   this);
    volumesHint->setWordWrap(true);
    volumesHint->setContentsMargins(24, 0, 0, 0);
    auto* pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(24, 0, 0, 0);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_volumes);
    layout->addWidget(volumesHint);
    layout->addWidget(m_folder);
    layout->addLayout(pathRow);
    layout->addWidget(m_status);
    layout->addWidget(m_existing);
    layout->addStretch(1);

    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            updateState();
            Q_EMIT changed();
        }
    });
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        updateState();
        Q_EMIT changed();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Workspace folder"), m_path->text());
        if (!dir.isEmpty()) {
            m_path->setText(QDir::toNativeSeparators(dir));
        }
    });
    updateState();
}

void PersistenceWidget::load(const SetupChoices& choices)
{
    const QSignalBlocker blockGroup(m_group);
    const QSignalBlocker blockPath(m_path);
    m_group->button(static_cast<int>(choices.storage))->setChecked(true);
    m_path->setText(choices.workspacePath);
    updateState();
}

void PersistenceWidget::save(SetupChoices& choices) const
{
    choices.storage = static_cast<SetupChoices::Storage>(m_group->checkedId());
    choices.workspacePath = choices.storage == SetupChoices::Storage::Folder
        ? QDir::fromNativeSeparators(m_path->text().trimmed())
        : QString();
}

void PersistenceWidget::setExistingVolumes(const QStringList& volumes)
{
    m_existing->setText(
        volumes.isEmpty()
            ? QString()
            : tr("Existing volumes are kept whatever you choose: %1").arg(volumes.join(QStringLiteral(", "))));
}

QString PersistenceWidget::problem() const
{
    if (!m_folder->isChecked()) {
        return QString();
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        return tr("Choose a folder.");
    }
    if (!QDir::isAbsolutePath(QDir::fromNativeSeparators(path))) {
        return tr("Use an absolute path.");
    }
    const QFileInfo info(path);
    if (info.exists() && !info.isDir()) {
        return tr("%1 is a file, not a folder.").arg(path);
    }
    return QString();
}

void PersistenceWidget::updateState()
{
    m_path->setEnabled(m_folder->isChecked());
    m_browse->setEnabled(m_folder->isChecked());
    QString text = problem();
    if (text.isEmpty() && m_folder->isChecked() && !QFileInfo::exists(m_path->text().trimmed())) {
        text = tr("The folder will be created.");
    }
    m_status->setText(text);
}

} // namespace occ
