#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceError.h"
#include "core/service/Watchdog.h"

#include <QString>

#include <atomic>

namespace occ {

class DockerClient;

// `occ run`: the foreground process an OS service manager (systemd, launchd, the Windows SCM) keeps
// alive. It starts the service, then watches it: a container that stopped although it should run
// (a crash the restart policy does not cover, a `docker kill`, a removal) is started again at once; a
// running container that stops answering is restarted by the Watchdog; when restarts do not help, it
// gives up with an error so the service manager's own limits apply. A stop request (SIGTERM) stops the
// container cleanly and returns success. Logs go to the "service" logger (stderr → journald).
class Supervisor
{
public:
    Supervisor(Config config, QString password, DockerClient* docker);

    // Blocks until *stopRequested turns true (returns Unit after stopping the container) or it gives up.
    ServiceResult<Unit> run(std::atomic_bool* stopRequested);

    static Watchdog::Settings watchdogSettings(const Config& config);

private:
    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
