#pragma once

#include "wizard/SetupBackend.h"

#include <QPointer>

namespace occ {

class ServiceOperation;

// The real side effects: config.json through ConfigStore::update, the password through FileCredentialStore,
// "start at login" through Autostart, and the start through ServiceOperation (a worker thread).
class DefaultSetupBackend : public SetupBackend
{
    Q_OBJECT
public:
    explicit DefaultSetupBackend(QString configPath, QObject* parent = nullptr);

    Result<Config, ConfigErrors> saveConfig(const SetupChoices& choices) override;
    Result<Unit, ConfigError> savePassword(const QString& password) override;
    QString storedPassword() const override;
    Result<Unit, AutostartError> setStartAtLogin(bool enabled) override;
    void startService(const Config& config, const QString& password) override;
    void cancel() override;

private:
    QString m_configPath;
    QPointer<ServiceOperation> m_operation;
};

} // namespace occ
