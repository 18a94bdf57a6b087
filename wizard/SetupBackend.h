#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceController.h"
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

    // Each returns an empty string on success, else the error in words a person can act on.
    // saveConfig merges the choices into the file (unknown and concurrent keys survive) and returns the result.
    virtual QString saveConfig(const SetupChoices& choices, Config* saved) = 0;
    virtual QString savePassword(const QString& password) = 0;
    virtual QString storedPassword() const = 0;
    virtual QString setStartAtLogin(bool enabled) = 0;

    // Starts the service asynchronously: progress(), then serviceFinished().
    virtual void startService(const Config& config, const QString& password) = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void progress(const occ::ServiceProgress& progress);
    // ok=false: message is the user-facing error; ok=true: message is the URL.
    void serviceFinished(bool ok, const QString& message);
};

} // namespace occ
