#pragma once

#include "core/config/Config.h"
#include "core/service/HealthProbe.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceProgress.h"

#include <atomic>

namespace occ {

class DockerClient;

// When the service counts as up: polls the container and opencode (through the front door when it is
// enabled) with a growing interval until a 200, a crash, a cancel or health.start_timeout_seconds.
class HealthWaiter
{
public:
    static constexpr int FirstIntervalMs = 100; // doubled after each round ...
    static constexpr int LongestIntervalMs = 1000; // ... up to this

    HealthWaiter(Config config, QString password, DockerClient* docker);

    ServiceResult<Unit> wait(const QString& containerId, const ServiceProgress::Fn& progress = {},
                             std::atomic_bool* cancel = nullptr);

    // One probe of what a user reaches: opencode's /global/health, or the front door's /healthz.
    HealthProbe::Result probe(int timeoutMs = 2000) const;

private:
    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
