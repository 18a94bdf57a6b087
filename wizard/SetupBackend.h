#pragma once

#include "core/autostart/AutostartError.h"
#include "core/config/Config.h"
#include "core/config/ConfigError.h"
#include "core/service/ServiceController.h"
#include "core/service/ServiceOperation.h"
#include "core/util/Result.h"
#include "wizard/SetupChoices.h"

#include <QObject>

namespace occ {

// Every side effect the setup wizard has, behind one small interface so the apply page can be tested
// without a config file, a keyring or an engine. DefaultSetupBackend is the real one.
class SetupBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Each returns a typed error; the apply page makes the words (ErrorPresenter).
    // saveConfig merges the choices into the file (unknown and concurrent keys survive) and returns the result.
    virtual Result<Config, ConfigErrors> saveConfig(const SetupChoices& choices) = 0;
    virtual Result<Unit, ConfigError> savePassword(const QString& password) = 0;
    virtual QString storedPassword() const = 0;
    virtual Result<Unit, AutostartError> setStartAtLogin(bool enabled) = 0;

    // Starts the service asynchronously: progress(), then serviceFinished().
    virtual void startService(const Config& config, const QString& password) = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void progress(const occ::ServiceProgress& progress);
    void serviceFinished(const occ::ServiceOutcome& outcome);
};

} // namespace occ
