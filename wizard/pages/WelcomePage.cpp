#include "wizard/pages/WelcomePage.h"

#include "wizard/SetupWizard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace occ {

WelcomePage::WelcomePage(QWidget* parent)
    : SetupPage(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("WelcomePage"));
    setTitle(tr("Welcome to opencode-cloud"));
    setSubTitle(tr("Run the opencode AI coding agent as a persistent, secure service on this computer."));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addStretch(1);
}

void WelcomePage::initializePage()
{
    QString text = tr("<p>This wizard will:</p><ol>"
                      "<li>check that Docker works on this computer,</li>"
                      "<li>ask who may connect and with which password,</li>"
                      "<li>ask where your work is kept and how the service restarts,</li>"
                      "<li>build and start the service, and show you its address.</li></ol>"
                      "<p>Nothing is changed until the last step.</p>");
    if (setupWizard()->context().configExists) {
        text += tr("<p><b>You already have a setup.</b> The pages show its current settings; what you "
                   "change is applied at the end. Your projects, sessions and keys are kept.</p>");
    }
    m_text->setText(text);
}

int WelcomePage::nextId() const
{
    return SetupWizard::DetectionId;
}

} // namespace occ
