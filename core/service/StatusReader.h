#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceStatus.h"

namespace occ {

class DockerClient;
class HealthProbe;
struct ContainerInfo;

// What state the service is in, from one ping-and-inspect of the engine and, when the container runs, one
// health probe. Never fails: problems become states. The probe connects while the engine answers, so the
// two round trips overlap, but it sends the password only once the engine said the container runs (the
// port is then ours, not some other program's).
class StatusReader
{
public:
    StatusReader(Config config, QString password, DockerClient* docker);

    ServiceStatus read();

private:
    // Healthy, Unhealthy or Starting, from the engine's health and our probe's answer.
    void readHealth(const ContainerInfo& container, HealthProbe* early, ServiceStatus* status) const;

    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
