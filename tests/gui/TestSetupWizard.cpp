#include "core/detection/Detection.h"
#include "wizard/SetupBackend.h"
#include "wizard/SetupWizard.h"
#include "wizard/pages/AccessPage.h"
#include "wizard/pages/ApplyPage.h"
#include "wizard/pages/CredentialsPage.h"
#include "wizard/pages/DetectionPage.h"
#include "wizard/pages/FinishPage.h"
#include "wizard/pages/PersistencePage.h"
#include "wizard/pages/ProxyPage.h"
#include "wizard/pages/RestartPage.h"
#include "wizard/widgets/AccessWidget.h"
#include "wizard/widgets/CredentialsWidget.h"
#include "wizard/widgets/PersistenceWidget.h"
#include "wizard/widgets/PublicUrlWidget.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

// Records every side effect instead of doing it.
class FakeBackend : public SetupBackend
{
public:
    Result<Config, ConfigErrors> saveConfig(const SetupChoices& choices) override
    {
        ++saves;
        savedChoices = choices;
        return choices.applyTo(base);
    }
    Result<Unit, ConfigError> savePassword(const QString& password) override
    {
        savedPassword = password;
        return Unit{};
    }
    QString storedPassword() const override { return QStringLiteral("stored-secret"); }
    Result<Unit, AutostartError> setStartAtLogin(bool enabled) override
    {
        startAtLogin = enabled;
        if (autostartFails) {
            return AutostartError{AutostartError::Kind::Write, QStringLiteral("/autostart/entry.desktop"),
                                  QStringLiteral("No space left on device")};
        }
        return Unit{};
    }
    void startService(const Config& config, const QString& password) override
    {
        ++starts;
        startedConfig = config;
        startedPassword = password;
    }
    void cancel() override { ++cancels; }

    Config base;
    int saves = 0;
    int starts = 0;
    int cancels = 0;
    bool autostartFails = false;
    SetupChoices savedChoices;
    QString savedPassword;
    bool startAtLogin = false;
    Config startedConfig;
    QString startedPassword;
};

class TestSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void welcomeLeadsToDetection();
    void detectionBlocksUntilTheEngineAnswersAndOffersTheFix();
    void aTakenPortIsReplacedBySuggestion();
    void accessBranches_data();
    void accessBranches();
    void aTakenPortBlocksAccess();
    void proxyNeedsAValidPublicUrl();
    void credentialsValidation();
    void persistenceNeedsAnAbsoluteFolder();
    void fullRunAppliesOnlyOnTheApplyPage();
    void applyFailureIsExplainedAndCanBeRetried();
    void aFailedStartAtLoginIsAWarningWithThePath();
    void cancelDuringApplyCancelsTheOperation();
    void rerunningPrefillsFromTheExistingConfig();

private:
    void makeWizard(const SetupContext& context);
    void goToAccess();
    void goToApply();

    QTemporaryDir m_dir;
    DetectionResult::Engine m_engine = DetectionResult::Engine::Reachable;
    bool m_portFree = true;
    std::unique_ptr<Detection> m_detection;
    std::unique_ptr<FakeBackend> m_backend;
    std::unique_ptr<SetupWizard> m_wizard;
    QList<QUrl> m_opened;
};

void TestSetupWizard::init()
{
    m_engine = DetectionResult::Engine::Reachable;
    m_portFree = true;
    m_opened.clear();
    m_detection = std::make_unique<Detection>();
    m_detection->setEngineProbe([this](const Config&, DetectionResult& r) {
        r.engine = m_engine;
        r.endpoint = QStringLiteral("unix:///var/run/docker.sock");
        r.engineVersion = QStringLiteral("24.0.7");
        r.apiVersion = QStringLiteral("1.43");
    });
    m_detection->setPortCheck([this](const QString&, int port) { return m_portFree || port != 4096; });
    m_backend = std::make_unique<FakeBackend>();
    SetupContext context;
    context.configPath = m_dir.filePath(QStringLiteral("config.json"));
    makeWizard(context);
}

void TestSetupWizard::cleanup()
{
    m_wizard.reset();
}

void TestSetupWizard::makeWizard(const SetupContext& context)
{
    m_wizard.reset();
    m_wizard = std::make_unique<SetupWizard>(context, m_detection.get(), m_backend.get());
    m_wizard->setUrlOpener([this](const QUrl& url) { m_opened.append(url); });
    qobject_cast<AccessPage*>(m_wizard->page(SetupWizard::AccessId))
        ->accessWidget()
        ->setPortCheck([this](const QString&, int port) { return m_portFree || port != 4096; });
    m_wizard->show();
}

void TestSetupWizard::goToAccess()
{
    m_wizard->next();
    QTRY_VERIFY(m_wizard->currentPage()->isComplete());
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::AccessId));
}

void TestSetupWizard::goToApply()
{
    goToAccess();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CredentialsId));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::PersistenceId));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::RestartId));
    QCOMPARE(m_backend->saves, 0);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::ApplyId));
}

void TestSetupWizard::welcomeLeadsToDetection()
{
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WelcomeId));
    QVERIFY(m_wizard->currentPage()->isComplete());
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::DetectionId));
}

void TestSetupWizard::detectionBlocksUntilTheEngineAnswersAndOffersTheFix()
{
    m_engine = DetectionResult::Engine::PermissionDenied;
    m_wizard->next();
    auto* page = qobject_cast<DetectionPage*>(m_wizard->currentPage());
    QVERIFY(page);
    QTRY_VERIFY(!page->isChecking());
    QVERIFY(!page->isComplete());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QStringList commands;
    const auto edits = page->findChildren<QLineEdit*>(QStringLiteral("fixCommand"));
    for (QLineEdit* edit : edits) {
        commands << edit->text();
    }
    QVERIFY2(commands.join(QLatin1Char('|')).contains(QStringLiteral("usermod -aG docker")),
             qPrintable(commands.join(QLatin1Char('|'))));

    m_engine = DetectionResult::Engine::Reachable;
    QTest::mouseClick(page->retryButton(), Qt::LeftButton);
    QTRY_VERIFY(page->isComplete());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestSetupWizard::aTakenPortIsReplacedBySuggestion()
{
    m_portFree = false;
    m_wizard->next();
    auto* page = qobject_cast<DetectionPage*>(m_wizard->currentPage());
    QTRY_VERIFY(page->isComplete());
    QCOMPARE(page->result().suggestedPort, 4097);
    m_wizard->next();
    QCOMPARE(m_wizard->choices().port, 4097);
    auto* access = qobject_cast<AccessPage*>(m_wizard->currentPage());
    QCOMPARE(access->accessWidget()->portSpin()->value(), 4097);
}

void TestSetupWizard::accessBranches_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<int>("next");
    QTest::newRow("local goes straight to the password") << "accessLocal" << int(SetupWizard::CredentialsId);
    QTest::newRow("lan goes straight to the password") << "accessLan" << int(SetupWizard::CredentialsId);
    QTest::newRow("a proxy first asks for its public url") << "accessProxy" << int(SetupWizard::ProxyId);
}

void TestSetupWizard::accessBranches()
{
    QFETCH(QString, button);
    QFETCH(int, next);
    goToAccess();
    auto* radio = m_wizard->currentPage()->findChild<QRadioButton*>(button);
    QVERIFY(radio);
    radio->click();
    QCOMPARE(m_wizard->currentPage()->nextId(), next);
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), next);
    if (next == SetupWizard::ProxyId) {
        QCOMPARE(m_wizard->currentPage()->nextId(), int(SetupWizard::CredentialsId));
    }
}

void TestSetupWizard::aTakenPortBlocksAccess()
{
    goToAccess();
    auto* access = qobject_cast<AccessPage*>(m_wizard->currentPage());
    m_portFree = false;
    access->accessWidget()->portSpin()->setValue(4100);
    QVERIFY(access->isComplete());
    access->accessWidget()->portSpin()->setValue(4096);
    QVERIFY(!access->isComplete());
    access->accessWidget()->portSpin()->setValue(4100);
    QVERIFY(access->isComplete());
}

void TestSetupWizard::proxyNeedsAValidPublicUrl()
{
    goToAccess();
    qobject_cast<AccessPage*>(m_wizard->currentPage())->accessWidget()->proxyButton()->click();
    m_wizard->next();
    auto* page = qobject_cast<ProxyPage*>(m_wizard->currentPage());
    QVERIFY(page);
    QVERIFY(!page->isComplete()); // mandatory field, empty
    QLineEdit* url = page->publicUrlWidget()->urlEdit();
    url->setText(QStringLiteral("not a url"));
    QVERIFY(!page->isComplete());
    url->setText(QStringLiteral("https://code.example.com/some/path"));
    QVERIFY(!page->isComplete());
    url->setText(QStringLiteral("https://code.example.com"));
    QVERIFY(page->isComplete());
    m_wizard->next();
    QCOMPARE(m_wizard->choices().publicUrl, QStringLiteral("https://code.example.com"));
    QCOMPARE(m_wizard->choices().access, SetupChoices::Access::Proxy);
}

void TestSetupWizard::credentialsValidation()
{
    goToAccess();
    m_wizard->next();
    auto* page = qobject_cast<CredentialsPage*>(m_wizard->currentPage());
    QVERIFY(page);
    CredentialsWidget* w = page->credentialsWidget();
    QCOMPARE(w->mode(), CredentialsWidget::Mode::Generate);
    QVERIFY(page->isComplete());
    QVERIFY(w->generatedEdit()->text().size() >= 24);

    w->setMode(CredentialsWidget::Mode::Own);
    QVERIFY(!page->isComplete());
    w->ownEdit()->setText(QStringLiteral("password"));
    w->confirmEdit()->setText(QStringLiteral("password"));
    QVERIFY(!page->isComplete());
    QVERIFY(w->strengthBar()->value() <= 1);
    const QString strong = QStringLiteral("Correct-Horse-Battery-Staple-42");
    w->ownEdit()->setText(strong);
    w->confirmEdit()->setText(strong + QLatin1Char('x'));
    QVERIFY(!page->isComplete());
    w->confirmEdit()->setText(strong);
    QVERIFY(page->isComplete());
    QVERIFY(w->strengthBar()->value() >= 3);
    m_wizard->next();
    QCOMPARE(m_wizard->choices().password, strong);
    QVERIFY(!m_wizard->choices().passwordGenerated);
}

void TestSetupWizard::persistenceNeedsAnAbsoluteFolder()
{
    goToAccess();
    m_wizard->next();
    m_wizard->next();
    auto* page = qobject_cast<PersistencePage*>(m_wizard->currentPage());
    QVERIFY(page);
    QVERIFY(page->isComplete());
    page->persistenceWidget()->folderButton()->click();
    QVERIFY(!page->isComplete());
    page->persistenceWidget()->pathEdit()->setText(QStringLiteral("relative/dir"));
    QVERIFY(!page->isComplete());
    page->persistenceWidget()->pathEdit()->setText(m_dir.filePath(QStringLiteral("work")));
    QVERIFY(page->isComplete());
    m_wizard->next();
    QCOMPARE(m_wizard->choices().storage, SetupChoices::Storage::Folder);
    QCOMPARE(m_wizard->choices().workspacePath, m_dir.filePath(QStringLiteral("work")));
}

void TestSetupWizard::fullRunAppliesOnlyOnTheApplyPage()
{
    QSignalSpy applied(m_wizard.get(), &SetupWizard::setupApplied);
    goToApply();
    auto* apply = qobject_cast<ApplyPage*>(m_wizard->currentPage());
    QCOMPARE(m_backend->saves, 1);
    QCOMPARE(m_backend->starts, 1);
    QCOMPARE(applied.count(), 1);
    QVERIFY(!m_backend->savedPassword.isEmpty());
    QCOMPARE(m_backend->startedPassword, m_backend->savedPassword);
    QVERIFY(m_backend->startAtLogin); // a first setup defaults to start at login
    QVERIFY(apply->isRunning());
    QVERIFY(!apply->isComplete());

    ServiceProgress p;
    p.phase = ServiceProgress::Phase::Build;
    p.step = 4;
    p.totalSteps = 8;
    p.text = QStringLiteral("Step 4/8 : RUN something");
    Q_EMIT m_backend->progress(p);
    QCOMPARE(apply->progressBar()->value(), 45);
    QVERIFY(apply->logPane()->toPlainText().contains(QStringLiteral("Step 4/8")));
    ServiceOutcome started;
    started.url = QStringLiteral("http://127.0.0.1:4096");
    Q_EMIT m_backend->serviceFinished(started);
    QVERIFY(apply->isComplete());
    QCOMPARE(apply->progressBar()->value(), 100);

    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishId));
    auto* finish = qobject_cast<FinishPage*>(m_wizard->currentPage());
    QCOMPARE(finish->urlEdit()->text(), QStringLiteral("http://127.0.0.1:4096"));
    QVERIFY(finish->openButton()->isEnabled());
    finish->openButton()->click();
    QCOMPARE(m_opened, QList<QUrl>{QUrl(QStringLiteral("http://127.0.0.1:4096"))});
    // Applied: no way back to pages whose choices are on disk.
    QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled() || !m_wizard->button(QWizard::BackButton)->isVisible());
}

void TestSetupWizard::applyFailureIsExplainedAndCanBeRetried()
{
    goToApply();
    auto* apply = qobject_cast<ApplyPage*>(m_wizard->currentPage());
    // What ServiceController reports for a taken port: the engine's error and the CLI's advice.
    ServiceOutcome failed;
    failed.error =
        ServiceError(ServiceError::Kind::Conflict,
                     QStringLiteral("Port 4096 on 127.0.0.1 is already in use by another program. Stop "
                                    "it, or choose another port with `occ config set network.port N`."),
                     DockerError(DockerError::Category::Server,
                                 QStringLiteral("Bind for 127.0.0.1:4096 failed: port is already allocated"), 500));
    Q_EMIT m_backend->serviceFinished(failed);
    QVERIFY(!apply->isRunning());
    QVERIFY(apply->retryButton()->isVisible());
    QVERIFY(apply->errorText().contains(QStringLiteral("did not start")));
    // The desktop's words name the port and the setting, never a command line.
    const QString shown = apply->findChild<QLabel*>(QStringLiteral("applyError"))->text();
    QVERIFY2(shown.contains(QStringLiteral("Settings")), qPrintable(shown));
    QVERIFY2(!shown.contains(QStringLiteral("occ ")), qPrintable(shown));
    QVERIFY(apply->logPane()->toPlainText().contains(QStringLiteral("port is already allocated")));
    QVERIFY(apply->logPane()->toPlainText().contains(QStringLiteral("did not start")));
    // The choices are saved, so finishing is allowed; Try again runs it all again.
    QVERIFY(apply->isComplete());
    apply->retryButton()->click();
    QCOMPARE(m_backend->starts, 2);
    QVERIFY(apply->isRunning());
}

void TestSetupWizard::aFailedStartAtLoginIsAWarningWithThePath()
{
    m_backend->autostartFails = true;
    goToApply();
    auto* apply = qobject_cast<ApplyPage*>(m_wizard->currentPage());
    const QString log = apply->logPane()->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("/autostart/entry.desktop")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("No space left on device")), qPrintable(log));
    // Not worth failing setup over: the start goes on.
    QVERIFY(apply->isRunning());
    QCOMPARE(m_backend->starts, 1);
}

void TestSetupWizard::cancelDuringApplyCancelsTheOperation()
{
    goToApply();
    m_wizard->reject();
    QCOMPARE(m_backend->cancels, 1);
    QVERIFY(m_wizard->isVisible());
    ServiceOutcome cancelled;
    cancelled.error = ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled."));
    Q_EMIT m_backend->serviceFinished(cancelled);
    m_wizard->reject();
    QVERIFY(!m_wizard->isVisible());
}

void TestSetupWizard::rerunningPrefillsFromTheExistingConfig()
{
    SetupContext context;
    context.configPath = m_dir.filePath(QStringLiteral("config.json"));
    context.configExists = true;
    context.hasPassword = true;
    context.startAtLogin = false;
    context.config.bind = QStringLiteral("0.0.0.0");
    context.config.port = 4200;
    context.config.restartPolicy = QStringLiteral("always");
    makeWizard(context);
    goToAccess();
    auto* access = qobject_cast<AccessPage*>(m_wizard->currentPage());
    QVERIFY(access->accessWidget()->lanButton()->isChecked());
    QCOMPARE(access->accessWidget()->portSpin()->value(), 4200);
    m_wizard->next();
    auto* credentials = qobject_cast<CredentialsPage*>(m_wizard->currentPage());
    QCOMPARE(credentials->credentialsWidget()->mode(), CredentialsWidget::Mode::Keep);
    m_wizard->next();
    m_wizard->next();
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::ApplyId));
    QVERIFY(m_backend->savedChoices.keepPassword);
    QVERIFY(m_backend->savedPassword.isEmpty()); // nothing overwritten
    QCOMPARE(m_backend->startedPassword, QStringLiteral("stored-secret"));
    QCOMPARE(m_backend->savedChoices.restartPolicy, QStringLiteral("always"));
    QVERIFY(!m_backend->startAtLogin);
}

QTEST_MAIN(TestSetupWizard)
#include "TestSetupWizard.moc"
