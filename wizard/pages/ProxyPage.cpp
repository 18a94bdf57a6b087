#include "wizard/pages/ProxyPage.h"

#include "wizard/SetupWizard.h"
#include "wizard/widgets/PublicUrlWidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace occ {

ProxyPage::ProxyPage(QWidget* parent)
    : SetupPage(parent)
    , m_widget(new PublicUrlWidget(this))
{
    setObjectName(QStringLiteral("ProxyPage"));
    setTitle(tr("Public address"));
    setSubTitle(tr("The address people type into their browser, served by your load balancer or proxy."));
    auto* note = new QLabel(tr("Point your proxy at this computer's port and let it handle TLS. opencode "
                               "still asks for the password you set on the next page."),
                            this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    layout->addWidget(note);
    layout->addStretch(1);
    // Mandatory: QWizard keeps Next disabled while it is empty; isComplete() adds the URL check.
    registerField(QStringLiteral("publicUrl*"), m_widget->urlEdit());
    connect(m_widget, &PublicUrlWidget::changed, this, &ProxyPage::completeChanged);
}

void ProxyPage::initializePage()
{
    m_widget->load(setupWizard()->choices());
}

bool ProxyPage::isComplete() const
{
    return SetupPage::isComplete() && m_widget->isValid();
}

bool ProxyPage::validatePage()
{
    m_widget->save(setupWizard()->choices());
    return true;
}

int ProxyPage::nextId() const
{
    return SetupWizard::CredentialsId;
}

} // namespace occ
