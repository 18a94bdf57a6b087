#include "app/SettingsDialog.h"

#include "app/Dialogs.h"
#include "core/autostart/Autostart.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/detection/ConfigWarning.h"
#include "wizard/ErrorPresenter.h"
#include "wizard/widgets/AccessWidget.h"
#include "wizard/widgets/CredentialsWidget.h"
#include "wizard/widgets/PersistenceWidget.h"
#include "wizard/widgets/PublicUrlWidget.h"
#include "wizard/widgets/RestartPolicyWidget.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace occ {

SettingsDialog::SettingsDialog(QString configPath, QWidget* parent)
    : QDialog(parent)
    , m_configPath(std::move(configPath))
    , m_autostart(Autostart::create())
    , m_access(new AccessWidget(this))
    , m_publicUrl(new PublicUrlWidget(this))
    , m_credentials(new CredentialsWidget(this))
    , m_persistence(new PersistenceWidget(this))
    , m_restart(new RestartPolicyWidget(this))
    , m_warning(new QLabel(this))
    , m_enableFrontDoor(new QPushButton(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("opencode-cloud settings"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opencode-cloud.svg")));
    auto* tabs = new QTabWidget(this);
    auto* accessTab = new QWidget(tabs);
    auto* accessLayout = new QVBoxLayout(accessTab);
    accessLayout->addWidget(m_access);
    accessLayout->addWidget(m_publicUrl);
    accessLayout->addStretch(1);
    tabs->addTab(accessTab, tr("&Access"));
    tabs->addTab(m_credentials, tr("&Password"));
    tabs->addTab(m_persistence, tr("&Storage"));
    auto* restartTab = new QWidget(tabs);
    auto* restartLayout = new QVBoxLayout(restartTab);
    restartLayout->addWidget(m_restart);
    restartLayout->addStretch(1);
    tabs->addTab(restartTab, tr("&Restart"));
    m_warning->setObjectName(QStringLiteral("configWarning"));
    m_warning->setWordWrap(true);
    m_enableFrontDoor->setObjectName(QStringLiteral("enableFrontDoor"));
    m_enableFrontDoor->setText(ErrorPresenter::remedyLabel(ErrorPresenter::Remedy::EnableFrontDoor));
    auto* warningRow = new QHBoxLayout;
    warningRow->addWidget(m_warning, 1);
    warningRow->addWidget(m_enableFrontDoor);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addLayout(warningRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_access, &AccessWidget::changed, this, &SettingsDialog::updateState);
    connect(m_publicUrl, &PublicUrlWidget::changed, this, &SettingsDialog::updateState);
    connect(m_credentials, &CredentialsWidget::changed, this, &SettingsDialog::updateState);
    connect(m_persistence, &PersistenceWidget::changed, this, &SettingsDialog::updateState);
    connect(m_enableFrontDoor, &QPushButton::clicked, this, [this] {
        m_turnOnFrontDoor = true;
        updateWarnings();
    });
    updateWarnings();
    resize(620, 460);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setAutostart(std::unique_ptr<Autostart> autostart)
{
    m_autostart = std::move(autostart);
}

QString SettingsDialog::load()
{
    ConfigStore store(m_configPath);
    const auto loaded = store.load();
    if (!loaded) {
        return toString(loaded.error());
    }
    m_loaded = loaded.value();
    FileCredentialStore credentials(ConfigPaths::credentialsFile(m_configPath));
    m_hasPassword = credentials.hasPassword();
    const SetupChoices choices =
        SetupChoices::fromConfig(m_loaded, m_hasPassword, m_autostart && m_autostart->isEnabled());
    m_access->setOwnPort(m_loaded.port);
    m_access->load(choices);
    m_publicUrl->load(choices);
    m_credentials->setUserName(m_loaded.username);
    m_credentials->load(choices, m_hasPassword);
    m_persistence->load(choices);
    m_restart->load(choices);
    m_turnOnFrontDoor = false;
    updateState();
    updateWarnings();
    return QString();
}

SetupChoices SettingsDialog::choices() const
{
    SetupChoices c;
    m_access->save(c);
    m_publicUrl->save(c);
    m_credentials->save(c);
    m_persistence->save(c);
    m_restart->save(c);
    return c;
}

void SettingsDialog::updateState()
{
    const bool proxy = m_access->access() == SetupChoices::Access::Proxy;
    m_publicUrl->setEnabled(proxy);
    QString problem;
    if (!m_access->portFree()) {
        problem = tr("The port is already in use.");
    } else if (proxy && !m_publicUrl->isValid()) {
        problem = m_publicUrl->problem();
    } else if (!m_credentials->isValid()) {
        problem = m_credentials->problem();
    } else if (!m_persistence->isValid()) {
        problem = m_persistence->problem();
    }
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

Config SettingsDialog::withDialogChanges(Config config) const
{
    config = choices().applyTo(config);
    if (m_turnOnFrontDoor) {
        config.frontDoorEnabled = true;
    }
    return config;
}

void SettingsDialog::updateWarnings()
{
    // Shown from the loaded file: the dialog has no TLS field, so only its button can change the answer.
    Config effective = m_loaded;
    effective.frontDoorEnabled = effective.frontDoorEnabled || m_turnOnFrontDoor;
    const QVector<ConfigWarning> warnings = ConfigWarning::check(effective);
    QStringList texts;
    bool offerFrontDoor = false;
    for (const ConfigWarning& warning : warnings) {
        const ErrorPresenter::View view = ErrorPresenter::configWarning(warning);
        texts << view.text;
        offerFrontDoor = offerFrontDoor || view.remedy == ErrorPresenter::Remedy::EnableFrontDoor;
    }
    if (texts.isEmpty() && m_turnOnFrontDoor) {
        texts << tr("The front door will be turned on when you save.");
    }
    m_warning->setText(texts.join(QLatin1Char('\n')));
    m_warning->setVisible(!texts.isEmpty());
    m_enableFrontDoor->setVisible(offerFrontDoor);
}

QString SettingsDialog::save()
{
    const SetupChoices c = choices();
    ConfigStore store(m_configPath);
    const auto result = store.update([this](Config& config) { config = withDialogChanges(config); });
    if (!result) {
        return toString(result.error());
    }
    m_saved = result.value();
    if (!c.keepPassword) {
        FileCredentialStore credentials(ConfigPaths::credentialsFile(m_configPath));
        const auto saved = credentials.setPassword(c.password);
        if (!saved) {
            return saved.error().toString();
        }
    }
    if (m_autostart && m_autostart->isEnabled() != c.startAtLogin) {
        const auto switched = m_autostart->setEnabled(c.startAtLogin);
        if (!switched) {
            return ErrorPresenter::autostart(switched.error());
        }
    }
    const bool changed = m_saved.bind != m_loaded.bind || m_saved.port != m_loaded.port
        || m_saved.publicUrl != m_loaded.publicUrl || m_saved.workspacePath != m_loaded.workspacePath
        || m_saved.restartPolicy != m_loaded.restartPolicy || m_saved.restartMaxRetries != m_loaded.restartMaxRetries
        || m_saved.frontDoorEnabled != m_loaded.frontDoorEnabled || !c.keepPassword;
    m_loaded = m_saved;
    m_turnOnFrontDoor = false;
    updateWarnings();
    Q_EMIT settingsSaved(m_saved, changed);
    return QString();
}

void SettingsDialog::accept()
{
    const QString error = save();
    if (!error.isEmpty()) {
        Dialogs::critical(this, tr("Settings"), tr("The settings could not be saved:\n%1").arg(error));
        return;
    }
    QDialog::accept();
}

} // namespace occ
