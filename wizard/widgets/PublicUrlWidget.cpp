#include "wizard/widgets/PublicUrlWidget.h"

#include "core/config/ConfigSchema.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace occ {

PublicUrlWidget::PublicUrlWidget(QWidget* parent)
    : QWidget(parent)
    , m_url(new QLineEdit(this))
    , m_proxyHere(new QCheckBox(tr("The proxy runs on this computer (listen on 127.0.0.1 only)"), this))
    , m_status(new QLabel(this))
{
    m_url->setObjectName(QStringLiteral("publicUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://code.example.com"));
    m_url->setClearButtonEnabled(true);
    m_proxyHere->setObjectName(QStringLiteral("proxyHere"));
    m_proxyHere->setChecked(true);
    m_status->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Public &URL:"), m_url);
    form->addRow(QString(), m_status);
    form->addRow(QString(), m_proxyHere);

    connect(m_url, &QLineEdit::textChanged, this, [this] {
        updateStatus();
        Q_EMIT changed();
    });
    connect(m_proxyHere, &QCheckBox::toggled, this, &PublicUrlWidget::changed);
    updateStatus();
}

void PublicUrlWidget::load(const SetupChoices& choices)
{
    const QSignalBlocker blockUrl(m_url);
    const QSignalBlocker blockHere(m_proxyHere);
    m_url->setText(choices.publicUrl);
    m_proxyHere->setChecked(choices.proxyOnThisMachine);
    updateStatus();
}

void PublicUrlWidget::save(SetupChoices& choices) const
{
    choices.publicUrl = m_url->text().trimmed();
    choices.proxyOnThisMachine = m_proxyHere->isChecked();
}

QString PublicUrlWidget::problem() const
{
    const QString url = m_url->text().trimmed();
    if (url.isEmpty()) {
        return tr("Enter the URL your proxy serves, e.g. https://code.example.com");
    }
    return ConfigSchema::checkPublicUrl(url);
}

void PublicUrlWidget::updateStatus()
{
    const QString text = problem();
    m_status->setText(text.isEmpty() ? tr("opencode will tell browsers to use this address.") : text);
}

} // namespace occ
