#include "core/service/ServiceStarter.h"

#include "core/config/ConfigPaths.h"
#include "core/service/ContainerReconciler.h"
#include "core/service/HealthWaiter.h"
#include "core/service/ImageBuilder.h"
#include "core/service/ServiceSpec.h"

#include <QElapsedTimer>

namespace occ {

ServiceStarter::ServiceStarter(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

QString ServiceStarter::tlsDirectory()
{
    return ConfigPaths::defaultDirectory() + QStringLiteral("/tls");
}

ServiceResult<Unit> ServiceStarter::checkPassword() const
{
    if (m_password.isEmpty() && !ServiceSpec::isLoopback(m_config.bind)) {
        return ServiceError(ServiceError::Kind::Config,
                            QStringLiteral("Refusing to listen on %1 without a password: anyone who can reach "
                                           "this machine could use opencode.")
                                .arg(m_config.bind),
                            {}, {Hint::of(Hint::Action::SetPassword), Hint::of(Hint::Action::BindLoopback)});
    }
    return Unit{};
}

ServiceResult<std::optional<FrontDoor::Prepared>> ServiceStarter::prepareFrontDoor(FrontDoor& door)
{
    if (!m_config.frontDoorEnabled) {
        return std::optional<FrontDoor::Prepared>();
    }
    auto prepared = FrontDoor::prepare(m_config, tlsDirectory());
    if (!prepared) {
        return ServiceError::fromFrontDoor(prepared.error());
    }
    auto network = door.ensureNetwork();
    if (!network) {
        return ServiceError::fromFrontDoor(network.error());
    }
    return std::optional<FrontDoor::Prepared>(prepared.value());
}

ServiceResult<StartOutcome> ServiceStarter::start(const StartOptions& options, const ServiceProgress::Fn& progress,
                                                  std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    if (auto allowed = checkPassword(); !allowed) {
        return allowed.error();
    }
    FrontDoor door(m_config, m_password, m_docker);
    auto prepared = prepareFrontDoor(door);
    if (!prepared) {
        return prepared.error();
    }
    const std::optional<FrontDoor::Prepared>& frontDoor = prepared.value();
    if (auto image = ImageBuilder(m_config, m_docker).ensure(progress, cancel); !image) {
        return image.error();
    }
    // (After the image: an unreachable engine is reported there, with its own exit code.)
    if (!frontDoor) {
        if (auto retired = door.retireContainer(); !retired) {
            return ServiceError::fromFrontDoor(retired.error());
        }
    }
    if (cancel && cancel->load()) {
        return ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled."));
    }
    ContainerReconciler reconciler(m_config, m_password, m_docker);
    auto container = reconciler.reconcile(options, progress);
    if (!container) {
        return container.error();
    }
    if (frontDoor) {
        if (!container->wasRunning) {
            ServiceProgress::report(progress, ServiceProgress::Phase::Step, QStringLiteral("Starting the front door"));
        }
        if (auto doorStarted = door.start(*frontDoor); !doorStarted) {
            return ServiceError::fromFrontDoor(doorStarted.error());
        }
    }
    auto healthy = HealthWaiter(m_config, m_password, m_docker).wait(container->id, progress, cancel);
    reconciler.removeRetired(container.value());
    if (!frontDoor) {
        door.retireNetwork(); // now that opencode left it
    }
    if (!healthy) {
        return healthy.error();
    }
    StartOutcome outcome;
    outcome.url = ServiceSpec::url(m_config);
    outcome.caCert = frontDoor ? frontDoor->caCert : QString();
    outcome.created = container->created;
    outcome.recreated = container->recreated;
    outcome.wasRunning = container->wasRunning;
    outcome.oldStoppedAtMs = container->oldStoppedAtMs;
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

} // namespace occ
