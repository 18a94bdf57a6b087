#include "core/service/ServiceController.h"

#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/service/ContainerReconciler.h"
#include "core/service/HealthWaiter.h"
#include "core/service/ImageBuilder.h"
#include "core/service/ServiceStarter.h"
#include "core/service/StatusReader.h"
#include "core/service/Updater.h"

namespace occ {

ServiceController::ServiceController(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

HealthProbe::Result ServiceController::probe(int timeoutMs) const
{
    return HealthWaiter(m_config, m_password, m_docker).probe(timeoutMs);
}

ServiceResult<Unit> ServiceController::ensureImage(const ProgressFn& progress, std::atomic_bool* cancel)
{
    return ImageBuilder(m_config, m_docker).ensure(progress, cancel);
}

ServiceResult<Unit> ServiceController::buildImage(const ProgressFn& progress, std::atomic_bool* cancel)
{
    return ImageBuilder(m_config, m_docker).build(progress, cancel);
}

ServiceResult<Unit> ServiceController::injectPassword(const QString& containerId)
{
    return ContainerReconciler(m_config, m_password, m_docker).injectPassword(containerId);
}

ServiceResult<Unit> ServiceController::waitHealthy(const QString& containerId, const ProgressFn& progress,
                                                   std::atomic_bool* cancel)
{
    return HealthWaiter(m_config, m_password, m_docker).wait(containerId, progress, cancel);
}

ServiceResult<StartOutcome> ServiceController::start(const ProgressFn& progress, std::atomic_bool* cancel)
{
    return ServiceStarter(m_config, m_password, m_docker).start(StartOptions{}, progress, cancel);
}

ServiceResult<Unit> ServiceController::stop(int timeoutSeconds)
{
    if (m_config.frontDoorEnabled) {
        auto door = FrontDoor(m_config, m_password, m_docker).stop(timeoutSeconds);
        if (!door) {
            return ServiceError::fromFrontDoor(door.error());
        }
    }
    auto info = m_docker->inspectContainer(m_config.containerName);
    if (!info) {
        if (info.error().category() == DockerError::Category::NotFound) {
            return Unit{};
        }
        return ServiceError::fromDocker(info.error(), QStringLiteral("Could not look up the container"));
    }
    if (!info->running && !info->restarting) {
        return Unit{};
    }
    auto stopped = m_docker->stopContainer(info->id, timeoutSeconds);
    if (!stopped) {
        return ServiceError::fromDocker(stopped.error(), QStringLiteral("Could not stop the container"));
    }
    return Unit{};
}

ServiceResult<StartOutcome> ServiceController::restart(const ProgressFn& progress, std::atomic_bool* cancel)
{
    auto stopped = stop();
    if (!stopped) {
        return stopped.error();
    }
    return start(progress, cancel);
}

ServiceResult<UpdateOutcome> ServiceController::update(const QString& version, bool rebuild, const ProgressFn& progress,
                                                       std::atomic_bool* cancel)
{
    auto updated = Updater(m_config, m_password, m_docker).update(Updater::Options{version, rebuild}, progress, cancel);
    if (updated) {
        m_config.opencodeVersion = version;
    }
    return updated;
}

ServiceStatus ServiceController::status()
{
    return StatusReader(m_config, m_password, m_docker).read();
}

} // namespace occ
