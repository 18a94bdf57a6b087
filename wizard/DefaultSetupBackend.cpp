#include "wizard/DefaultSetupBackend.h"

#include "core/autostart/Autostart.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/service/ServiceOperation.h"

namespace occ {

DefaultSetupBackend::DefaultSetupBackend(QString configPath, QObject* parent)
    : SetupBackend(parent)
    , m_configPath(std::move(configPath))
{ }

Result<Config, ConfigErrors> DefaultSetupBackend::saveConfig(const SetupChoices& choices)
{
    ConfigStore store(m_configPath);
    return store.update([&choices](Config& config) { config = choices.applyTo(config); });
}

Result<Unit, ConfigError> DefaultSetupBackend::savePassword(const QString& password)
{
    FileCredentialStore store(ConfigPaths::credentialsFile(m_configPath));
    return store.setPassword(password);
}

QString DefaultSetupBackend::storedPassword() const
{
    FileCredentialStore store(ConfigPaths::credentialsFile(m_configPath));
    const auto result = store.password();
    return result ? result.value() : QString();
}

Result<Unit, AutostartError> DefaultSetupBackend::setStartAtLogin(bool enabled)
{
    return Autostart::create()->setEnabled(enabled);
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
