#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceProgress.h"
#include "core/service/StartOptions.h"

namespace occ {

class DockerClient;
struct ContainerInfo;

// Makes the engine's container match the config: reuses it when its config hash and image match,
// recreates it beside the old one when not (volumes are kept), creates it when missing, hands it the
// password and starts it. It never waits for health and never removes a volume.
class ContainerReconciler
{
public:
    struct Outcome
    {
        QString id; // the container that now carries config.containerName
        bool created = false; // a new container was made
        bool recreated = false; // ... replacing one whose config or image had changed
        bool wasRunning = false; // it already ran with this config and image: left alone, not started
        QString retiredId; // recreated: the old container, moved aside; see removeRetired()
        qint64 oldStoppedAtMs = 0; // recreated: when the old container began to stop (ms since the epoch)
    };

    ContainerReconciler(Config config, QString password, DockerClient* docker);

    ServiceResult<Outcome> reconcile(const StartOptions& options, const ServiceProgress::Fn& progress = {});
    // Removes the container a recreate moved aside, once the new one answered (or failed to).
    void removeRetired(const Outcome& outcome);

    // Writes the password file into a created or stopped container (never via env: it would show in
    // `docker inspect`). The image's entrypoint reads it.
    ServiceResult<Unit> injectPassword(const QString& containerId);

private:
    bool needsRecreate(const ContainerInfo& existing, const StartOptions& options, bool* imageChanged);
    ServiceResult<QString> create(const QString& name, const ServiceProgress::Fn& progress);
    ServiceResult<Unit> replace(const ContainerInfo& old, Outcome* outcome, const ServiceProgress::Fn& progress);
    ServiceResult<Unit> start(const Outcome& outcome, const ServiceProgress::Fn& progress);
    ServiceError notOurs() const;

    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
