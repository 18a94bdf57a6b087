#include "wizard/widgets/CredentialsWidget.h"

#include "core/config/Password.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace occ {

namespace {
QString levelText(PasswordStrength::Level level)
{
    switch (level) {
    case PasswordStrength::Level::VeryWeak:
        return CredentialsWidget::tr("Very weak");
    case PasswordStrength::Level::Weak:
        return CredentialsWidget::tr("Weak");
    case PasswordStrength::Level::Fair:
        return CredentialsWidget::tr("Fair");
    case PasswordStrength::Level::Strong:
        return CredentialsWidget::tr("Strong");
    case PasswordStrength::Level::VeryStrong:
        return CredentialsWidget::tr("Very strong");
    }
    return QString();
}
} // namespace

CredentialsWidget::CredentialsWidget(QWidget* parent)
    : QWidget(parent)
    , m_generateRadio(new QRadioButton(tr("&Generate a strong password (recommended)"), this))
    , m_ownRadio(new QRadioButton(tr("&Set my own password"), this))
    , m_keepRadio(new QRadioButton(tr("&Keep the current password"), this))
    , m_group(new QButtonGroup(this))
    , m_generated(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_regenerate(new QToolButton(this))
    , m_own(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
    , m_strength(new QProgressBar(this))
    , m_strengthText(new QLabel(this))
    , m_generatedRow(new QWidget(this))
    , m_ownRows(new QWidget(this))
{
    m_generateRadio->setObjectName(QStringLiteral("passwordGenerate"));
    m_ownRadio->setObjectName(QStringLiteral("passwordOwn"));
    m_keepRadio->setObjectName(QStringLiteral("passwordKeep"));
    m_generated->setObjectName(QStringLiteral("generatedPassword"));
    m_own->setObjectName(QStringLiteral("ownPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_strength->setObjectName(QStringLiteral("passwordStrength"));
    m_group->addButton(m_generateRadio, static_cast<int>(Mode::Generate));
    m_group->addButton(m_ownRadio, static_cast<int>(Mode::Own));
    m_group->addButton(m_keepRadio, static_cast<int>(Mode::Keep));
    m_keepRadio->setVisible(false);

    setUpGeneratedRow();
    setUpOwnRows();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_keepRadio);
    layout->addWidget(m_generateRadio);
    layout->addWidget(m_generatedRow);
    layout->addWidget(m_ownRadio);
    layout->addWidget(m_ownRows);
    layout->addStretch(1);

    connectControls();
    regenerate();
    m_generateRadio->setChecked(true);
    updateState();
}

void CredentialsWidget::setUpGeneratedRow()
{
    m_generated->setReadOnly(true);
    m_generated->setFont(QFont(QStringLiteral("monospace")));
    m_generated->setAccessibleName(tr("Generated password"));
    m_regenerate->setText(tr("New"));
    m_regenerate->setToolTip(tr("Generate another password"));
    m_copy->setToolTip(tr("Copy the password to the clipboard"));
    auto* genLayout = new QHBoxLayout(m_generatedRow);
    genLayout->setContentsMargins(24, 0, 0, 0);
    genLayout->addWidget(m_generated, 1);
    genLayout->addWidget(m_regenerate);
    genLayout->addWidget(m_copy);
}

void CredentialsWidget::setUpOwnRows()
{
    m_own->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_own->setAccessibleName(tr("Password"));
    m_confirm->setAccessibleName(tr("Confirm password"));
    m_reveal->setText(tr("Show"));
    m_reveal->setCheckable(true);
    m_strength->setRange(0, 4);
    m_strength->setTextVisible(false);
    m_strength->setMaximumHeight(8);
    m_strengthText->setWordWrap(true);
    auto* ownForm = new QFormLayout(m_ownRows);
    ownForm->setContentsMargins(24, 0, 0, 0);
    auto* ownRow = new QHBoxLayout;
    ownRow->addWidget(m_own, 1);
    ownRow->addWidget(m_reveal);
    ownForm->addRow(tr("Password:"), ownRow);
    ownForm->addRow(tr("C&onfirm:"), m_confirm);
    ownForm->addRow(tr("Strength:"), m_strength);
    ownForm->addRow(QString(), m_strengthText);
}

void CredentialsWidget::connectControls()
{
    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            updateState();
            Q_EMIT changed();
        }
    });
    connect(m_regenerate, &QToolButton::clicked, this, [this] {
        regenerate();
        Q_EMIT changed();
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_generated->text());
        m_copy->setText(tr("Copied"));
    });
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_own->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_confirm->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    for (QLineEdit* edit : {m_own, m_confirm}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateState();
            Q_EMIT changed();
        });
    }
}

void CredentialsWidget::regenerate()
{
    m_generated->setText(generatePassword());
    m_copy->setText(tr("&Copy"));
}

CredentialsWidget::Mode CredentialsWidget::mode() const
{
    return static_cast<Mode>(m_group->checkedId());
}

void CredentialsWidget::setMode(Mode mode)
{
    m_group->button(static_cast<int>(mode))->setChecked(true);
}

void CredentialsWidget::load(const SetupChoices& choices, bool hasPassword)
{
    const QSignalBlocker block(m_group);
    m_keepRadio->setVisible(hasPassword);
    if (hasPassword && choices.keepPassword) {
        m_keepRadio->setChecked(true);
    } else if (!choices.passwordGenerated && !choices.password.isEmpty()) {
        m_ownRadio->setChecked(true);
        m_own->setText(choices.password);
        m_confirm->setText(choices.password);
    } else {
        if (!choices.password.isEmpty()) {
            m_generated->setText(choices.password);
        }
        m_generateRadio->setChecked(true);
    }
    updateState();
}

void CredentialsWidget::save(SetupChoices& choices) const
{
    choices.keepPassword = mode() == Mode::Keep;
    choices.passwordGenerated = mode() == Mode::Generate;
    choices.password = password();
}

QString CredentialsWidget::password() const
{
    switch (mode()) {
    case Mode::Generate:
        return m_generated->text();
    case Mode::Own:
        return m_own->text();
    case Mode::Keep:
        return QString();
    }
    return QString();
}

QString CredentialsWidget::problem() const
{
    if (mode() != Mode::Own) {
        return QString();
    }
    if (m_own->text().isEmpty()) {
        return tr("Enter a password.");
    }
    const PasswordStrength strength = passwordStrength(m_own->text(), m_userName);
    if (!strength.acceptable()) {
        return tr("This password is too weak.");
    }
    if (m_own->text() != m_confirm->text()) {
        return tr("The passwords do not match.");
    }
    return QString();
}

void CredentialsWidget::updateState()
{
    m_generatedRow->setEnabled(mode() == Mode::Generate);
    m_ownRows->setEnabled(mode() == Mode::Own);
    if (m_own->text().isEmpty()) {
        m_strength->setValue(0);
        m_strengthText->setText(tr("At least \"fair\": long, not a common word, not your user name."));
        return;
    }
    const PasswordStrength strength = passwordStrength(m_own->text(), m_userName);
    m_strength->setValue(strength.score);
    static const char* const colors[] = {"#c62828", "#ef6c00", "#f9a825", "#2e7d32", "#1b5e20"};
    m_strength->setStyleSheet(
        QStringLiteral("QProgressBar::chunk { background: %1; }").arg(QLatin1String(colors[strength.score])));
    QString text = levelText(strength.level);
    if (!strength.reason.isEmpty()) {
        text += QStringLiteral(" — ") + strength.reason;
    }
    if (mode() == Mode::Own && strength.acceptable() && !m_confirm->text().isEmpty()
        && m_confirm->text() != m_own->text()) {
        text += QLatin1Char('\n') + tr("The passwords do not match.");
    }
    m_strengthText->setText(text);
}

} // namespace occ
