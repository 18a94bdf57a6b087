#include "wizard/SetupWizard.h"

#include "wizard/pages/AccessPage.h"
#include "wizard/pages/ApplyPage.h"
#include "wizard/pages/CredentialsPage.h"
#include "wizard/pages/DetectionPage.h"
#include "wizard/pages/FinishPage.h"
#include "wizard/pages/PersistencePage.h"
#include "wizard/pages/ProxyPage.h"
#include "wizard/pages/RestartPage.h"
#include "wizard/pages/WelcomePage.h"

#include <QDesktopServices>
#include <QIcon>

namespace occ {

SetupWizard::SetupWizard(const SetupContext& context, Detection* detection, SetupBackend* backend, QWidget* parent)
    : QWizard(parent)
    , m_context(context)
    , m_choices(SetupChoices::fromConfig(context.config, context.hasPassword, context.startAtLogin))
    , m_detection(detection)
    , m_backend(backend)
    , m_urlOpener([](const QUrl& url) { QDesktopServices::openUrl(url); })
{
    if (!context.configExists) {
        // A first setup: "start at login" is what a tray app is for.
        m_choices.startAtLogin = true;
    }
    setObjectName(QStringLiteral("SetupWizard"));
    setWindowTitle(context.configExists ? tr("opencode-cloud setup (editing your existing setup)")
                                        : tr("opencode-cloud setup"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opencode-cloud.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(640, 520);

    setPage(WelcomeId, new WelcomePage(this));
    setPage(DetectionId, new DetectionPage(this));
    setPage(AccessId, new AccessPage(this));
    setPage(ProxyId, new ProxyPage(this));
    setPage(CredentialsId, new CredentialsPage(this));
    setPage(PersistenceId, new PersistencePage(this));
    setPage(RestartId, new RestartPage(this));
    m_applyPage = new ApplyPage(this);
    setPage(ApplyId, m_applyPage);
    setPage(FinishId, new FinishPage(this));
    setStartId(WelcomeId);
}

void SetupWizard::setApplied(const Config& config, const QString& password, const QString& url)
{
    m_applied = true;
    m_appliedConfig = config;
    m_appliedPassword = password;
    m_appliedUrl = url;
    Q_EMIT setupApplied(config);
}

void SetupWizard::openUrl(const QUrl& url)
{
    if (m_urlOpener) {
        m_urlOpener(url);
    }
}

void SetupWizard::reject()
{
    // Cancel during apply stops the operation first (at its next step); a second Cancel closes.
    if (m_applyPage && m_applyPage->isRunning()) {
        m_applyPage->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace occ
