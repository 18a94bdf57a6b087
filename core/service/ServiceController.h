#pragma once

#include "core/config/Config.h"
#include "core/service/HealthProbe.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceProgress.h"
#include "core/service/ServiceStatus.h"
#include "core/service/StartOutcome.h"
#include "core/service/UpdateOutcome.h"

#include <QString>

#include <atomic>
#include <functional>

namespace occ {

class DockerClient;

// The service's lifecycle on one engine, as one facade over pieces with one job each: ImageBuilder,
// ContainerReconciler, HealthWaiter, ServiceStarter (which runs those in order), Updater and StatusReader.
// Synchronous (it drives DockerClient's blocking calls), so use it from the CLI or a worker thread, never
// from a GUI thread. It never removes a volume.
class ServiceController
{
public:
    using ProgressFn = ServiceProgress::Fn;
    using StartOutcome = occ::StartOutcome;
    using UpdateOutcome = occ::UpdateOutcome;

    // password: the web UI password from the credentials store (may be empty only for loopback binds).
    ServiceController(Config config, QString password, DockerClient* docker);

    const Config& config() const { return m_config; }

    // Idempotent: builds the image if missing, creates or recreates the container when the config changed
    // (volumes are kept), injects the password, starts it and waits until opencode answers 200.
    ServiceResult<StartOutcome> start(const ProgressFn& progress = {}, std::atomic_bool* cancel = nullptr);
    // Idempotent: a stopped or missing container is fine.
    ServiceResult<Unit> stop(int timeoutSeconds = 10);
    ServiceResult<StartOutcome> restart(const ProgressFn& progress = {}, std::atomic_bool* cancel = nullptr);
    // Builds (or rebuilds) the image for `version`, keeps the previous image tagged <name>:previous,
    // recreates the container on the same volumes and waits for health. If the new one does not become
    // healthy, rolls back to the previous image and says so in the error. On success config().opencodeVersion
    // is `version`; the caller saves it.
    ServiceResult<UpdateOutcome> update(const QString& version, bool rebuild, const ProgressFn& progress = {},
                                        std::atomic_bool* cancel = nullptr);
    // Never fails: problems become states (engine unreachable, stopped, ...).
    ServiceStatus status();

    // The image for this config: present, or built from the embedded context.
    ServiceResult<Unit> ensureImage(const ProgressFn& progress = {}, std::atomic_bool* cancel = nullptr);
    // Builds the image from the embedded context, whether or not it exists (update, a changed base).
    ServiceResult<Unit> buildImage(const ProgressFn& progress = {}, std::atomic_bool* cancel = nullptr);
    // Polls the container and opencode until a 200, a crash, or the timeout (health.start_timeout_seconds).
    ServiceResult<Unit> waitHealthy(const QString& containerId, const ProgressFn& progress = {},
                                    std::atomic_bool* cancel = nullptr);
    // Writes the password file into a created or stopped container (never via env: it would show in
    // `docker inspect`). The image's entrypoint reads it.
    ServiceResult<Unit> injectPassword(const QString& containerId);

    HealthProbe::Result probe(int timeoutMs = 2000) const;

private:
    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
