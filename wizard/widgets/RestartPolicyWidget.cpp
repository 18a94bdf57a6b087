#include "wizard/widgets/RestartPolicyWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>

namespace occ {

RestartPolicyWidget::RestartPolicyWidget(QWidget* parent)
    : QWidget(parent)
    , m_policy(new QComboBox(this))
    , m_retries(new QSpinBox(this))
    , m_startAtLogin(new QCheckBox(tr("Start opencode-cloud when I log in"), this))
{
    m_policy->setObjectName(QStringLiteral("restartPolicy"));
    m_retries->setObjectName(QStringLiteral("restartRetries"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_policy->addItem(tr("Always keep it running, unless I stop it"), QStringLiteral("unless-stopped"));
    m_policy->addItem(tr("Always keep it running"), QStringLiteral("always"));
    m_policy->addItem(tr("Restart only after a crash"), QStringLiteral("on-failure"));
    m_policy->addItem(tr("Never restart automatically"), QStringLiteral("no"));
    m_retries->setRange(0, 1000);
    m_retries->setSpecialValueText(tr("no limit"));
    m_retries->setValue(5);
    m_retries->setMaximumWidth(m_retries->fontMetrics().horizontalAdvance(QStringLiteral("no limit")) + 60);
    m_startAtLogin->setChecked(true);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Restart policy:"), m_policy);
    form->addRow(tr("Give up after &crashes:"), m_retries);
    form->addRow(QString(), m_startAtLogin);

    connect(m_policy, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        Q_EMIT changed();
    });
    connect(m_retries, &QSpinBox::valueChanged, this, &RestartPolicyWidget::changed);
    connect(m_startAtLogin, &QCheckBox::toggled, this, &RestartPolicyWidget::changed);
    updateState();
}

void RestartPolicyWidget::load(const SetupChoices& choices)
{
    const QSignalBlocker blockPolicy(m_policy);
    const int index = m_policy->findData(choices.restartPolicy);
    m_policy->setCurrentIndex(index < 0 ? 0 : index);
    m_retries->setValue(choices.restartMaxRetries);
    m_startAtLogin->setChecked(choices.startAtLogin);
    updateState();
}

void RestartPolicyWidget::save(SetupChoices& choices) const
{
    choices.restartPolicy = m_policy->currentData().toString();
    choices.restartMaxRetries = m_retries->value();
    choices.startAtLogin = m_startAtLogin->isChecked();
}

void RestartPolicyWidget::updateState()
{
    // Docker only counts retries for on-failure.
    m_retries->setEnabled(m_policy->currentData().toString() == QLatin1String("on-failure"));
}

} // namespace occ
