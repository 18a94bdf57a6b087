#pragma once

#include "core/osservice/RetryPolicy.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace occ {

// Everything the renderers need to describe `occ run` as an OS service. A plain value: the caller
// fills it from the config and the environment, the renderers never look anything up themselves.
struct ServiceDefinition
{
    enum class Scope {
        User, // systemd user unit, LaunchAgent
        System, // systemd system unit with User=, LaunchDaemon with UserName, Windows service
    };

    Scope scope = Scope::User;
    QString executable; // absolute path of occ / occ.exe
    QString configPath; // absolute path of the config file passed to `occ run --config`
    QString userName; // the account `occ run` runs as (User=, UserName, loginctl)
    uint userId = 0; // launchd's gui/<uid> domain
    QString homeDir; // that account's home; user-scope files live below it
    QString logDir; // where `occ run` writes its log; must stay writable under the sandbox
    QMap<QString, QString> environment; // DOCKER_HOST and friends, only when set
    RestartSettings restart;
    int stopTimeoutSeconds = 30; // SIGTERM, then SIGKILL / SCM gives up after this long

    // The folder of configPath: `occ run` rewrites its config atomically, so the folder (not only
    // the file) must be writable.
    QString configDir() const;

    // Arguments after the executable. Windows adds --service so `occ run` calls the SCM dispatcher.
    QStringList runArguments(bool windowsService = false) const;
};

} // namespace occ
