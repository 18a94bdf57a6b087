#include "wizard/DefaultSetupBackend.h"

#include "core/autostart/Autostart.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/service/ServiceOperation.h"
#include "wizard/ErrorPresenter.h"

namespace occ {

DefaultSetupBackend::DefaultSetupBackend(QString configPath, QObject* parent)
    : SetupBackend(parent)
    , m_configPath(std::move(configPath))
{ }

QString DefaultSetupBackend::saveConfig(const SetupChoices& choices, Config* saved)
{
    ConfigStore store(m_configPath);
    const auto result = store.update([&choices](Config& config) { config = choices.applyTo(config); });
    if (!result) {
        return toString(result.error());
    }
    if (saved) {
        *saved = result.value();
    }
    return QString();
}

QString DefaultSetupBackend::savePassword(const QString& password)
{
    FileCredentialStore store(ConfigPaths::credentialsFile(m_configPath));
    const auto result = store.setPassword(password);
    return result ? QString() : result.error().toString();
}

QString DefaultSetupBackend::storedPassword() const
{
    FileCredentialStore store(ConfigPaths::credentialsFile(m_configPath));
    const auto result = store.password();
    return result ? result.value() : QString();
}

QString DefaultSetupBackend::setStartAtLogin(bool enabled)
{
    const auto result = Autostart::create()->setEnabled(enabled);
    return result ? QString() : ErrorPresenter::autostart(result.error());
}

void DefaultSetupBackend::startService(const Config& config, const QString& password)
{
    auto* operation = new ServiceOperation(ServiceOperation::Kind::Start, config, password, this);
    m_operation = operation;
    connect(operation, &ServiceOperation::progress, this, &SetupBackend::progress);
    connect(operation, &ServiceOperation::finished, this, &SetupBackend::serviceFinished);
    operation->start();
}

void DefaultSetupBackend::cancel()
{
    if (m_operation) {
        m_operation->cancel();
    }
}

} // namespace occ
