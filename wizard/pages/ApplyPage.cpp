#include "wizard/pages/ApplyPage.h"

#include "core/service/ServiceSpec.h"
#include "wizard/ErrorPresenter.h"
#include "wizard/SetupBackend.h"
#include "wizard/SetupWizard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace occ {

ApplyPage::ApplyPage(QWidget* parent)
    : SetupPage(parent)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_log(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_retry(new QPushButton(tr("&Try again"), this))
{
    setObjectName(QStringLiteral("ApplyPage"));
    setTitle(tr("Setting up"));
    setSubTitle(tr("Saving your choices and starting the service. The first start builds the image, which "
                   "takes a few minutes."));
    // Once applied there is no going back to pages whose choices are now on disk.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next >"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setObjectName(QStringLiteral("applyProgress"));
    m_log->setObjectName(QStringLiteral("applyLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_error->setObjectName(QStringLiteral("applyError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    m_retry->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_error);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    layout->addLayout(buttons);

    connect(m_retry, &QPushButton::clicked, this, &ApplyPage::apply);
}

void ApplyPage::initializePage()
{
    SetupBackend* backend = setupWizard()->backend();
    if (!m_connected && backend) {
        m_connected = true;
        connect(backend, &SetupBackend::progress, this, &ApplyPage::handleProgress);
        connect(backend, &SetupBackend::serviceFinished, this, &ApplyPage::handleFinished);
    }
    apply();
}

void ApplyPage::log(const QString& line)
{
    m_log->appendPlainText(line);
}

void ApplyPage::fail(const QString& message, const QString& advice)
{
    m_running = false;
    m_done = true;
    m_errorText = message;
    m_status->setText(tr("Setup did not finish."));
    m_error->setText(QStringLiteral("<span style=\"color:#c62828\"><b>%1</b></span>%2")
                         .arg(message.toHtmlEscaped(),
                              advice.isEmpty() ? QString() : QStringLiteral("<br>") + advice.toHtmlEscaped()));
    m_error->setVisible(true);
    m_retry->setVisible(true);
    log(tr("Error: %1").arg(message));
    Q_EMIT completeChanged();
}

void ApplyPage::apply()
{
    SetupWizard* w = setupWizard();
    SetupBackend* backend = w->backend();
    const SetupChoices& choices = w->choices();
    m_running = true;
    m_done = false;
    m_serviceOk = false;
    m_errorText.clear();
    m_error->setVisible(false);
    m_retry->setVisible(false);
    m_progress->setValue(0);
    Q_EMIT completeChanged();

    m_status->setText(tr("Saving the configuration…"));
    const auto stored = backend->saveConfig(choices);
    if (!stored) {
        // Core's words here name the file, line and key: what a person needs to fix it by hand.
        fail(tr("The configuration could not be saved."), toString(stored.error()));
        return;
    }
    const Config saved = stored.value();
    log(tr("Saved the configuration to %1.").arg(w->context().configPath));
    m_progress->setValue(4);

    QString password = choices.password;
    if (choices.keepPassword) {
        password = backend->storedPassword();
        log(tr("Kept the stored password."));
    } else {
        const auto passwordSaved = backend->savePassword(choices.password);
        if (!passwordSaved) {
            fail(tr("The password could not be saved."), passwordSaved.error().toString());
            return;
        }
        log(tr("Saved the password."));
    }
    m_progress->setValue(7);

    const auto autostart = backend->setStartAtLogin(choices.startAtLogin);
    if (!autostart) {
        // Not worth failing setup over: the settings dialog can try again.
        log(tr("Warning: could not change \"start at login\": %1").arg(ErrorPresenter::autostart(autostart.error())));
    } else {
        log(choices.startAtLogin ? tr("opencode-cloud will start when you log in.")
                                 : tr("opencode-cloud will not start at login."));
    }
    m_progress->setValue(10);
    m_saved = true;
    w->setApplied(saved, password, ServiceSpec::url(saved));

    if (!choices.startNow) {
        m_running = false;
        m_done = true;
        m_serviceOk = true;
        m_progress->setValue(100);
        m_status->setText(tr("Your choices are saved. Start the service from the tray when you are ready."));
        Q_EMIT completeChanged();
        return;
    }
    m_status->setText(tr("Starting the service…"));
    log(tr("Starting the service…"));
    backend->startService(saved, password);
}

void ApplyPage::handleProgress(const ServiceProgress& progress)
{
    if (!m_running) {
        return;
    }
    int value = m_progress->value();
    switch (progress.phase) {
    case ServiceProgress::Phase::Build:
        m_status->setText(tr("Building the image (step %1 of %2)…").arg(progress.step).arg(progress.totalSteps));
        if (progress.totalSteps > 0) {
            value = 10 + 70 * progress.step / progress.totalSteps;
        }
        break;
    case ServiceProgress::Phase::Waiting:
        m_status->setText(tr("Waiting for opencode to answer…"));
        value = qMax(value, 85) + (value < 98 ? 1 : 0);
        break;
    case ServiceProgress::Phase::Step:
        m_status->setText(progress.text);
        value = qMin(value + 2, 95);
        break;
    }
    m_progress->setValue(qMax(m_progress->value(), value));
    if (!progress.text.isEmpty()) {
        log(progress.text);
    }
}

void ApplyPage::handleFinished(const ServiceOutcome& outcome)
{
    if (!m_running) {
        return;
    }
    if (!outcome.ok()) {
        // The desktop's words (no command lines); the engine's own message goes to the log pane.
        if (outcome.error.docker.isError()) {
            log(outcome.error.docker.message());
        }
        fail(tr("The service did not start."),
             ErrorPresenter::service(outcome.error, setupWizard()->appliedConfig()).text + QLatin1Char('\n')
                 + tr("Your choices are saved. Fix the problem and press \"Try again\", or finish now and start "
                      "the service from the tray later."));
        return;
    }
    m_running = false;
    m_done = true;
    m_serviceOk = true;
    m_progress->setValue(100);
    m_status->setText(tr("The service is running."));
    log(tr("The service is running at %1.").arg(outcome.url));
    Q_EMIT completeChanged();
}

void ApplyPage::cancel()
{
    if (!m_running) {
        return;
    }
    m_status->setText(tr("Cancelling…"));
    log(tr("Cancelling at the next step…"));
    setupWizard()->backend()->cancel();
}

bool ApplyPage::isComplete() const
{
    // After a failed start the saved choices stand: finishing is allowed, the tray can start it later.
    return m_done && m_saved;
}

int ApplyPage::nextId() const
{
    return SetupWizard::FinishId;
}

} // namespace occ
