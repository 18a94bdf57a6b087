#include "wizard/pages/CredentialsPage.h"

#include "wizard/SetupWizard.h"
#include "wizard/widgets/CredentialsWidget.h"

#include <QVBoxLayout>

namespace occ {

CredentialsPage::CredentialsPage(QWidget* parent)
    : SetupPage(parent)
    , m_widget(new CredentialsWidget(this))
{
    setObjectName(QStringLiteral("CredentialsPage"));
    setTitle(tr("Password"));
    setSubTitle(tr("opencode asks for this password in the browser (user name \"%1\")."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    connect(m_widget, &CredentialsWidget::changed, this, &CredentialsPage::completeChanged);
}

void CredentialsPage::initializePage()
{
    const SetupWizard* w = setupWizard();
    setSubTitle(
        tr("opencode asks for this password in the browser (user name \"%1\").").arg(w->context().config.username));
    m_widget->setUserName(w->context().config.username);
    // Loaded once: going back and forth must not throw away a password someone typed or copied.
    if (!m_loaded) {
        m_loaded = true;
        m_widget->load(w->choices(), w->context().hasPassword);
    }
}

bool CredentialsPage::isComplete() const
{
    return m_widget->isValid();
}

bool CredentialsPage::validatePage()
{
    m_widget->save(setupWizard()->choices());
    return true;
}

int CredentialsPage::nextId() const
{
    return SetupWizard::PersistenceId;
}

} // namespace occ
