#pragma once

#include "wizard/SetupBackend.h"

#include <QTimer>

namespace occ {

// A SetupBackend that changes nothing: for screenshot mode and demos. It reports a plausible start
// (a few build steps, then waiting for health) and succeeds.
class ScreenshotBackend : public SetupBackend
{
    Q_OBJECT
public:
    explicit ScreenshotBackend(QObject* parent = nullptr);

    Result<Config, ConfigErrors> saveConfig(const SetupChoices& choices) override;
    Result<Unit, ConfigError> savePassword(const QString& password) override;
    QString storedPassword() const override { return m_password; }
    Result<Unit, AutostartError> setStartAtLogin(bool) override { return Unit{}; }
    void startService(const Config& config, const QString& password) override;
    void cancel() override;

private:
    QTimer m_timer;
    int m_step = 0;
    Config m_config;
    QString m_password;
};

} // namespace occ
