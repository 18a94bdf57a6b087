#pragma once

#include "wizard/SetupChoices.h"

#include <QStringList>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace occ {

// Where the workspace lives: a Docker volume or a folder on this machine. opencode's own data (sessions,
// keys) always stays in named volumes. Shared by the wizard and the settings dialog.
class PersistenceWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PersistenceWidget(QWidget* parent = nullptr);

    void load(const SetupChoices& choices);
    void save(SetupChoices& choices) const;
    // Volumes found by detection: shown so nobody fears they will be lost.
    void setExistingVolumes(const QStringList& volumes);
    QString problem() const;
    bool isValid() const { return problem().isEmpty(); }

    QRadioButton* volumesButton() const { return m_volumes; }
    QRadioButton* folderButton() const { return m_folder; }
    QLineEdit* pathEdit() const { return m_path; }

Q_SIGNALS:
    void changed();

private:
    void updateState();

    QRadioButton* m_volumes;
    QRadioButton* m_folder;
    QButtonGroup* m_group;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QLabel* m_existing;
    QLabel* m_status;
};

} // namespace occ
