#pragma once

#include "wizard/SetupChoices.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace occ {

// What happens when the service crashes or the computer restarts: Docker's restart policy, how often to
// retry, and whether this app starts at login. Shared by the wizard and the settings dialog.
class RestartPolicyWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RestartPolicyWidget(QWidget* parent = nullptr);

    void load(const SetupChoices& choices);
    void save(SetupChoices& choices) const;

    QComboBox* policyCombo() const { return m_policy; }
    QSpinBox* retriesSpin() const { return m_retries; }
    QCheckBox* startAtLoginBox() const { return m_startAtLogin; }

Q_SIGNALS:
    void changed();

private:
    void updateState();

    QComboBox* m_policy;
    QSpinBox* m_retries;
    QCheckBox* m_startAtLogin;
};

} // namespace occ
