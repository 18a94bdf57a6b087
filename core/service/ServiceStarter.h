#pragma once

#include "core/config/Config.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceProgress.h"
#include "core/service/StartOptions.h"
#include "core/service/StartOutcome.h"

#include <atomic>
#include <optional>

namespace occ {

class DockerClient;

// One start of the service, in order: the password and front door checks, the image (ImageBuilder), the
// front door's network or the retirement of a front door left from before, the container
// (ContainerReconciler), the front door container, and the wait for health (HealthWaiter).
class ServiceStarter
{
public:
    ServiceStarter(Config config, QString password, DockerClient* docker);

    ServiceResult<StartOutcome> start(const StartOptions& options, const ServiceProgress::Fn& progress = {},
                                      std::atomic_bool* cancel = nullptr);

    // Where the local CA and server certificates of tls.mode internal live.
    static QString tlsDirectory();

private:
    ServiceResult<Unit> checkPassword() const;
    // The front door's configuration and TLS material, checked before anything is touched, and its network.
    ServiceResult<std::optional<FrontDoor::Prepared>> prepareFrontDoor(FrontDoor& door);

    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
