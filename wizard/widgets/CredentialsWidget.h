#pragma once

#include "wizard/SetupChoices.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QToolButton;

namespace occ {

// The web UI password: a generated one shown with a copy button, your own with a strength meter
// (core's passwordStrength()), or keep the stored one. Shared by the wizard and the settings dialog.
class CredentialsWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Generate, Own, Keep };

    explicit CredentialsWidget(QWidget* parent = nullptr);

    // hasPassword: a password is stored already, so "keep it" is offered.
    void load(const SetupChoices& choices, bool hasPassword);
    void save(SetupChoices& choices) const;
    void setUserName(const QString& userName) { m_userName = userName; }

    Mode mode() const;
    void setMode(Mode mode);
    // Empty when what is entered can be saved; else what is missing.
    QString problem() const;
    bool isValid() const { return problem().isEmpty(); }
    // The password that would be stored (empty for Keep).
    QString password() const;

    QLineEdit* generatedEdit() const { return m_generated; }
    QLineEdit* ownEdit() const { return m_own; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QProgressBar* strengthBar() const { return m_strength; }
    QLabel* strengthLabel() const { return m_strengthText; }
    QPushButton* copyButton() const { return m_copy; }

Q_SIGNALS:
    void changed();

private:
    // The constructor's steps: the generated-password row, the own-password rows, the signals.
    void setUpGeneratedRow();
    void setUpOwnRows();
    void connectControls();
    void regenerate();
    void updateState();

    QRadioButton* m_generateRadio;
    QRadioButton* m_ownRadio;
    QRadioButton* m_keepRadio;
    QButtonGroup* m_group;
    QLineEdit* m_generated;
    QPushButton* m_copy;
    QToolButton* m_regenerate;
    QLineEdit* m_own;
    QLineEdit* m_confirm;
    QToolButton* m_reveal;
    QProgressBar* m_strength;
    QLabel* m_strengthText;
    QWidget* m_generatedRow;
    QWidget* m_ownRows;
    QString m_userName = QStringLiteral("opencode");
};

} // namespace occ
