#include "wizard/pages/RestartPage.h"

#include "core/service/ServiceSpec.h"
#include "wizard/SetupWizard.h"
#include "wizard/widgets/RestartPolicyWidget.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace occ {

RestartPage::RestartPage(QWidget* parent)
    : SetupPage(parent)
    , m_widget(new RestartPolicyWidget(this))
    , m_startNow(new QCheckBox(tr("Start the service when I press Apply"), this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("RestartPage"));
    setTitle(tr("Keeping it running"));
    setSubTitle(tr("Docker restarts the service after a crash or a reboot, as you choose here."));
    setButtonText(QWizard::NextButton, tr("&Apply"));
    m_startNow->setObjectName(QStringLiteral("startNow"));
    m_startNow->setChecked(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    auto* box = new QGroupBox(tr("Summary"), this);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_summary);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    layout->addWidget(m_startNow);
    layout->addWidget(box);
    layout->addStretch(1);
}

void RestartPage::initializePage()
{
    const SetupChoices& choices = setupWizard()->choices();
    m_widget->load(choices);
    m_startNow->setChecked(choices.startNow);
    const Config config = choices.applyTo(setupWizard()->context().config);
    QString access;
    switch (choices.access) {
    case SetupChoices::Access::Local:
        access = tr("this computer only");
        break;
    case SetupChoices::Access::Lan:
        access = tr("your network");
        break;
    case SetupChoices::Access::Proxy:
        access = tr("through your proxy");
        break;
    }
    const QString password = choices.keepPassword ? tr("kept")
        : choices.passwordGenerated               ? tr("generated")
                                                  : tr("your own");
    const QString storage = choices.storage == SetupChoices::Storage::NamedVolumes
        ? tr("Docker volumes")
        : choices.workspacePath.toHtmlEscaped();
    m_summary->setText(tr("<table><tr><td>Address:</td><td><b>%1</b> (%2)</td></tr>"
                          "<tr><td>Password:</td><td>%3</td></tr>"
                          "<tr><td>Workspace:</td><td>%4</td></tr></table>")
                           .arg(ServiceSpec::url(config).toHtmlEscaped(), access, password, storage));
}

bool RestartPage::validatePage()
{
    SetupChoices& choices = setupWizard()->choices();
    m_widget->save(choices);
    choices.startNow = m_startNow->isChecked();
    return true;
}

int RestartPage::nextId() const
{
    return SetupWizard::ApplyId;
}

} // namespace occ
