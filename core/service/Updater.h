#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceProgress.h"
#include "core/service/UpdateOutcome.h"

#include <atomic>

namespace occ {

class DockerClient;

// An update to another opencode version: keeps what runs now as <image.name>:previous, builds the new
// image while the old container serves, recreates the container on the same volumes (ServiceStarter with
// forceRecreate) and, when the new one does not become healthy, rolls back to the previous image.
class Updater
{
public:
    struct Options
    {
        QString version; // the opencode version to run
        bool rebuild = false; // build the image even when it exists
    };

    static constexpr char PreviousTag[] = "previous";

    // config: what runs now (its opencodeVersion is the one rolled back to).
    Updater(Config config, QString password, DockerClient* docker);

    ServiceResult<UpdateOutcome> update(const Options& options, const ServiceProgress::Fn& progress = {},
                                        std::atomic_bool* cancel = nullptr);

private:
    // The image id the container runs now (or the config's image), tagged <name>:previous; empty when none.
    ServiceResult<QString> keepPrevious();
    ServiceResult<Unit> prepareImage(const Config& next, bool rebuild, const ServiceProgress::Fn& progress,
                                     std::atomic_bool* cancel);
    ServiceError rollBack(const QString& previousImage, const QString& version, const ServiceError& why,
                          const ServiceProgress::Fn& progress, std::atomic_bool* cancel);

    Config m_config;
    QString m_password;
    DockerClient* m_docker;
};

} // namespace occ
