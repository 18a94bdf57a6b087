#include "wizard/pages/AccessPage.h"

#include "wizard/SetupWizard.h"
#include "wizard/widgets/AccessWidget.h"

#include <QSpinBox>
#include <QVBoxLayout>

namespace occ {

AccessPage::AccessPage(QWidget* parent)
    : SetupPage(parent)
    , m_widget(new AccessWidget(this))
{
    setObjectName(QStringLiteral("AccessPage"));
    setTitle(tr("Who may connect"));
    setSubTitle(tr("Choose where the opencode web UI can be reached from."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    layout->addStretch(1);
    registerField(QStringLiteral("port"), m_widget->portSpin());
    connect(m_widget, &AccessWidget::changed, this, &AccessPage::completeChanged);
}

void AccessPage::initializePage()
{
    m_widget->setOwnPort(setupWizard()->ownPort());
    m_widget->load(setupWizard()->choices());
}

bool AccessPage::isComplete() const
{
    return m_widget->portFree();
}

bool AccessPage::validatePage()
{
    m_widget->save(setupWizard()->choices());
    return true;
}

int AccessPage::nextId() const
{
    // nextId() is asked while the page is shown, before validatePage(): read the widget, not the choices.
    return m_widget->access() == SetupChoices::Access::Proxy ? SetupWizard::ProxyId : SetupWizard::CredentialsId;
}

} // namespace occ
