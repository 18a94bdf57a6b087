#include "core/service/ServiceController.h"

#include "core/config/ConfigPaths.h"
#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/image/ImageContext.h"
#include "core/image/ImageLayout.h"
#include "core/logging/Logging.h"
#include "core/service/ServiceSpec.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <optional>

namespace occ {
namespace {

bool cancelled(std::atomic_bool* cancel)
{
    return cancel && cancel->load();
}

void report(const ServiceController::ProgressFn& progress, ServiceProgress::Phase phase, const QString& text)
{
    if (progress) {
        ServiceProgress p;
        p.phase = phase;
        p.text = text;
        progress(p);
    }
}

// Sleeps while the event loop keeps running (replies of other objects still progress).
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

ServiceController::ServiceController(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

QString ServiceController::tlsDirectory() const
{
    return ConfigPaths::defaultDirectory() + QStringLiteral("/tls");
}

HealthProbe::Result ServiceController::probe(int timeoutMs) const
{
    if (m_config.frontDoorEnabled) {
        // opencode has no published port then: ask what a load balancer asks.
        HealthProbe::Result r;
        r.httpStatus = FrontDoor::probeHealthz(m_config.frontDoorHttpPort, timeoutMs, &r.error);
        r.answered = r.httpStatus > 0;
        return r;
    }
    return HealthProbe::probe(ServiceSpec::probeUrl(m_config), m_config.username, m_password, timeoutMs);
}

ServiceResult<Unit> ServiceController::ensureImage(const ProgressFn& progress, std::atomic_bool* cancel)
{
    const QString ref = ServiceSpec::imageRef(m_config);
    auto exists = m_docker->imageExists(ref);
    if (!exists) {
        return ServiceError::fromDocker(exists.error(), QStringLiteral("Could not look up image %1").arg(ref));
    }
    if (exists.value()) {
        return Unit{};
    }
    return buildImage(progress, cancel);
}

ServiceResult<Unit> ServiceController::buildImage(const ProgressFn& progress, std::atomic_bool* cancel)
{
    ImageOptions options;
    options.imageName = m_config.imageName;
    options.baseImage = m_config.imageBase;
    options.opencodeVersion = m_config.opencodeVersion;
    options.opencodeBinary = m_config.opencodeBinary;
    options.extraCaCerts = m_config.imageExtraCaCerts;
    auto context = ImageContext::create(options);
    if (!context) {
        return ServiceError(ServiceError::Kind::Image, context.error().message);
    }
    report(progress, ServiceProgress::Phase::Step,
           QStringLiteral("Building image %1 from %2 (once; later starts reuse it)")
               .arg(context->tag(),
                    options.opencodeBinary.isEmpty() ? QStringLiteral("the npm registry") : options.opencodeBinary));
    BuildOptions build;
    build.tags = {context->tag()};
    build.buildArgs = context->buildArgs();
    build.labels = context->labels();
    // The engine's error names only the failed step's command; the reason is in the lines before it.
    QStringList lastLines;
    auto built = m_docker->buildImage(
        context->tar(), build,
        [&progress, &lastLines](const BuildProgress& p) {
            if (!p.line.trimmed().isEmpty()) {
                lastLines.append(p.line.trimmed());
                if (lastLines.size() > 6) {
                    lastLines.removeFirst();
                }
            }
            if (progress) {
                ServiceProgress sp;
                sp.phase = ServiceProgress::Phase::Build;
                sp.text = p.line;
                sp.step = p.step;
                sp.totalSteps = p.totalSteps;
                progress(sp);
            }
        },
        cancel);
    if (!built) {
        if (cancelled(cancel)) {
            return ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled; no image was made."));
        }
        ServiceError e =
            ServiceError::fromDocker(built.error(), QStringLiteral("Building %1 failed").arg(context->tag()));
        if (e.kind == ServiceError::Kind::Other) {
            e.kind = ServiceError::Kind::Image;
        }
        return e;
    }
    return Unit{};
}

ServiceResult<Unit> ServiceController::injectPassword(const QString& containerId)
{
    auto put =
        m_docker->putArchive(containerId, image::PasswordDir, ImageContext::passwordArchive(m_password.toUtf8()));
    if (!put) {
        return ServiceError::fromDocker(put.error(), QStringLiteral("Could not hand the password to the container"));
    }
    return Unit{};
}

ServiceResult<QString> ServiceController::createContainer(const QString& name, const ProgressFn& progress)
{
    for (const ServiceSpec::Volume& v : ServiceSpec::volumes(m_config)) {
        QMap<QString, QString> labels{{QString(image::ManagedLabel), QStringLiteral("true")},
                                      {QString::fromLatin1(ServiceSpec::VolumeRoleLabel), v.role}};
        auto created = m_docker->createVolume(v.name, labels);
        if (!created) {
            return ServiceError::fromDocker(created.error(), QStringLiteral("Could not create volume %1").arg(v.name));
        }
    }
    report(progress, ServiceProgress::Phase::Step, QStringLiteral("Creating container %1").arg(name));
    auto id = m_docker->createContainer(name, ServiceSpec::containerSpec(m_config));
    if (!id) {
        if (id.error().isNameConflict()) {
            return ServiceError(ServiceError::Kind::Conflict,
                                QStringLiteral("A container named \"%1\" already exists and was not made by "
                                               "opencode-cloud. Remove or rename it (`docker rm %1`), or choose "
                                               "another name with `occ config set service.container_name NAME`.")
                                    .arg(m_config.containerName),
                                id.error());
        }
        return ServiceError::fromDocker(id.error(), QStringLiteral("Could not create the container"));
    }
    return id.value();
}

ServiceResult<ServiceController::StartOutcome> ServiceController::start(const ProgressFn& progress,
                                                                        std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    StartOutcome outcome;
    outcome.url = ServiceSpec::url(m_config);

    if (m_password.isEmpty() && !ServiceSpec::isLoopback(m_config.bind)) {
        return ServiceError(ServiceError::Kind::Config,
                            QStringLiteral("Refusing to listen on %1 without a password: anyone who can reach "
                                           "this machine could use opencode. Set one with `occ password set`, or "
                                           "bind to 127.0.0.1 with `occ config set network.bind 127.0.0.1`.")
                                .arg(m_config.bind));
    }

    // The front door's configuration and TLS material are checked before anything is touched.
    std::optional<FrontDoor::Prepared> frontDoor;
    if (m_config.frontDoorEnabled) {
        auto prepared = FrontDoor::prepare(m_config, tlsDirectory());
        if (!prepared) {
            return ServiceError(ServiceError::Kind::Config, prepared.error().message);
        }
        frontDoor = prepared.value();
        outcome.caCert = frontDoor->caCert;
        auto network = FrontDoor(m_config, m_password, m_docker).ensureNetwork();
        if (!network) {
            return ServiceError(ServiceError::Kind::Other, network.error().message);
        }
    }

    auto image = ensureImage(progress, cancel);
    if (!image) {
        return image.error();
    }
    // (After the image: an unreachable engine is reported there, with its own exit code.)
    if (!frontDoor) {
        if (auto retired = FrontDoor(m_config, m_password, m_docker).retire(); !retired) {
            return ServiceError(ServiceError::Kind::Other, retired.error().message);
        }
    }
    if (cancelled(cancel)) {
        return ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled."));
    }

    const ContainerSpec wanted = ServiceSpec::containerSpec(m_config);
    const QString wantedHash = wanted.labels.value(QString::fromLatin1(ServiceSpec::ConfigHashLabel));
    QString id;
    auto info = m_docker->inspectContainer(m_config.containerName);
    if (info) {
        const ContainerInfo& c = info.value();
        if (c.labels.value(QString(image::ManagedLabel)) != QLatin1String("true")) {
            return ServiceError(ServiceError::Kind::Conflict,
                                QStringLiteral("A container named \"%1\" already exists and was not made by "
                                               "opencode-cloud. Remove or rename it (`docker rm -f %1`), or choose "
                                               "another name with `occ config set service.container_name NAME`.")
                                    .arg(m_config.containerName));
        }
        auto currentImage = m_docker->inspectImage(wanted.image);
        const bool imageChanged = currentImage && currentImage->id != c.imageId;
        if (c.labels.value(QString::fromLatin1(ServiceSpec::ConfigHashLabel)) != wantedHash || imageChanged
            || m_forceRecreate) {
            report(progress, ServiceProgress::Phase::Step,
                   imageChanged || m_forceRecreate
                       ? QStringLiteral("The image changed: recreating the container (volumes are kept)")
                       : QStringLiteral("The config changed: recreating the container (volumes are kept)"));
            auto replaced = replaceContainer(c, progress);
            if (!replaced) {
                return replaced.error();
            }
            id = replaced.value();
            outcome.recreated = true;
        } else if (c.running) {
            report(progress, ServiceProgress::Phase::Step, QStringLiteral("Already running"));
            if (frontDoor) {
                auto door = FrontDoor(m_config, m_password, m_docker).start(*frontDoor);
                if (!door) {
                    return ServiceError(ServiceError::Kind::Other, door.error().message);
                }
            }
            auto healthy = waitHealthy(c.id, progress, cancel);
            if (!healthy) {
                return healthy.error();
            }
            outcome.wasRunning = true;
            outcome.elapsedMs = timer.elapsed();
            return outcome;
        } else {
            id = c.id;
        }
    } else if (info.error().category() != DockerError::Category::NotFound) {
        return ServiceError::fromDocker(info.error(), QStringLiteral("Could not look up the container"));
    }

    if (id.isEmpty()) {
        auto created = createContainer(m_config.containerName, progress);
        if (!created) {
            return created.error();
        }
        id = created.value();
        outcome.created = true;
    }

    // Written before every start, so a rotated password takes effect and a container made by hand
    // from our image never starts without one.
    auto injected = injectPassword(id);
    if (!injected) {
        return injected.error();
    }
    report(progress, ServiceProgress::Phase::Step, QStringLiteral("Starting %1").arg(m_config.containerName));
    auto started = m_docker->startContainer(id);
    if (!started) {
        removeRetired();
        if (started.error().isPortInUse()) {
            return ServiceError(ServiceError::Kind::Conflict,
                                QStringLiteral("Port %1 on %2 is already in use by another program. Stop it, or "
                                               "choose another port with `occ config set network.port N` "
                                               "(`occ doctor` shows who holds it).")
                                    .arg(m_config.port)
                                    .arg(m_config.bind),
                                started.error());
        }
        return ServiceError::fromDocker(started.error(), QStringLiteral("Could not start the container"));
    }
    if (frontDoor) {
        report(progress, ServiceProgress::Phase::Step, QStringLiteral("Starting the front door"));
        auto door = FrontDoor(m_config, m_password, m_docker).start(*frontDoor);
        if (!door) {
            return ServiceError(ServiceError::Kind::Other, door.error().message);
        }
    }
    auto healthy = waitHealthy(id, progress, cancel);
    removeRetired();
    if (!frontDoor) {
        FrontDoor(m_config, m_password, m_docker).retire(); // its network, now that opencode left it
    }
    if (!healthy) {
        return healthy.error();
    }
    outcome.elapsedMs = timer.elapsed();
    return outcome;
}

ServiceResult<QString> ServiceController::replaceContainer(const ContainerInfo& old, const ProgressFn& progress)
{
    // The replacement is created (slow on copying storage drivers) and given its password while the old
    // one still serves; the downtime is only stop, remove, rename and start.
    const QString nextName = m_config.containerName + QStringLiteral("-next");
    m_docker->removeContainer(nextName, true, false); // a leftover from an interrupted replace
    auto created = createContainer(nextName, progress);
    if (!created) {
        return created.error();
    }
    const QString id = created.value();
    auto injected = injectPassword(id);
    if (!injected) {
        m_docker->removeContainer(id, true, false);
        return injected.error();
    }
    m_oldStoppedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (old.running || old.restarting) {
        auto stopped = m_docker->stopContainer(old.id, 10);
        if (!stopped) {
            m_docker->removeContainer(id, true, false);
            return ServiceError::fromDocker(stopped.error(), QStringLiteral("Could not stop the old container"));
        }
    }
    // Removing a container can take seconds (copying storage drivers delete a whole layer): the old one
    // only steps aside now and is removed once the new one answered (see start()).
    const QString oldName = m_config.containerName + QStringLiteral("-old");
    m_docker->removeContainer(oldName, true, false);
    auto aside = m_docker->renameContainer(old.id, oldName);
    if (!aside) {
        m_docker->removeContainer(id, true, false);
        return ServiceError::fromDocker(aside.error(), QStringLiteral("Could not move the old container aside"));
    }
    m_retiredContainer = old.id;
    auto renamed = m_docker->renameContainer(id, m_config.containerName);
    if (!renamed) {
        return ServiceError::fromDocker(renamed.error(), QStringLiteral("Could not rename the new container"));
    }
    return id;
}

void ServiceController::removeRetired()
{
    // The container replaceContainer() moved aside: gone now, whatever the outcome (volumes are named and stay).
    if (!m_retiredContainer.isEmpty()) {
        m_docker->removeContainer(m_retiredContainer, true, false);
        m_retiredContainer.clear();
    }
}

ServiceResult<Unit> ServiceController::waitHealthy(const QString& containerId, const ProgressFn& progress,
                                                   std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 limitMs = qint64(m_config.healthTimeoutSeconds) * 1000;
    int interval = 100;
    while (true) {
        // Reported on every round so a spinner can turn; plain-line front ends print it once.
        report(progress, ServiceProgress::Phase::Waiting, QStringLiteral("Waiting for opencode to answer"));
        if (cancelled(cancel)) {
            return ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled."));
        }
        auto info = m_docker->inspectContainer(containerId);
        if (!info) {
            return ServiceError::fromDocker(info.error(), QStringLiteral("Lost the container while it started"));
        }
        const ContainerInfo& c = info.value();
        if (!c.running && !c.restarting) {
            return ServiceError(
                ServiceError::Kind::Health,
                QStringLiteral("The service stopped while starting (exit code %1). See `occ logs -n 50`.")
                    .arg(c.exitCode));
        }
        if (c.running && !c.restarting) {
            // A short timeout: a request in opencode's first second can hang forever.
            const HealthProbe::Result r = probe(1500);
            if (r.healthy()) {
                return Unit{};
            }
        }
        if (timer.elapsed() > limitMs) {
            return ServiceError(ServiceError::Kind::Health,
                                QStringLiteral("The service did not become healthy within %1 s. See `occ logs -n 50`; "
                                               "raise the limit with `occ config set health.start_timeout_seconds N`.")
                                    .arg(m_config.healthTimeoutSeconds));
        }
        pause(interval);
        interval = std::min(interval * 2, 1000);
    }
}

ServiceResult<Unit> ServiceController::stop(int timeoutSeconds)
{
    if (m_config.frontDoorEnabled) {
        auto door = FrontDoor(m_config, m_password, m_docker).stop(timeoutSeconds);
        if (!door) {
            return ServiceError(ServiceError::Kind::Other, door.error().message);
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

ServiceResult<ServiceController::StartOutcome> ServiceController::restart(const ProgressFn& progress,
                                                                          std::atomic_bool* cancel)
{
    auto stopped = stop();
    if (!stopped) {
        return stopped.error();
    }
    return start(progress, cancel);
}

ServiceResult<ServiceController::UpdateOutcome>
ServiceController::update(const QString& version, bool rebuild, const ProgressFn& progress, std::atomic_bool* cancel)
{
    UpdateOutcome outcome;
    outcome.from = m_config.opencodeVersion;
    outcome.to = version;
    const QString previousTag = QStringLiteral("previous");

    // 1. Keep what runs now under <name>:previous, so a rollback has something to go back to.
    QString previousImage;
    auto current = m_docker->inspectContainer(m_config.containerName);
    if (current) {
        previousImage = current->imageId;
    } else if (auto image = m_docker->inspectImage(ServiceSpec::imageRef(m_config))) {
        previousImage = image->id;
    }
    if (!previousImage.isEmpty()) {
        auto tagged = m_docker->tagImage(previousImage, m_config.imageName, previousTag);
        if (!tagged) {
            return ServiceError::fromDocker(tagged.error(), QStringLiteral("Could not keep the previous image"));
        }
    }

    // 2. The new image, while the old container keeps serving.
    const Config before = m_config;
    m_config.opencodeVersion = version;
    auto exists = m_docker->imageExists(ServiceSpec::imageRef(m_config));
    if (!exists) {
        m_config = before;
        return ServiceError::fromDocker(exists.error(), QStringLiteral("Could not look up the image"));
    }
    if (rebuild || !exists.value()) {
        auto built = buildImage(progress, cancel);
        if (!built) {
            m_config = before;
            return ServiceError(built.error().kind,
                                built.error().message + QStringLiteral(" The running service was not touched."),
                                built.error().docker);
        }
    }

    // 3. Recreate on the same volumes; the downtime is this step.
    m_forceRecreate = true;
    m_oldStoppedAtMs = 0;
    auto started = start(progress, cancel);
    m_forceRecreate = false;
    if (started) {
        // From the moment the old container began to stop (the new one was already created) to an answer.
        outcome.downtimeMs = m_oldStoppedAtMs > 0 ? QDateTime::currentMSecsSinceEpoch() - m_oldStoppedAtMs : 0;
        outcome.url = started->url;
        return outcome;
    }

    // 4. Roll back: the old image under its old tag, recreated, healthy again.
    report(progress, ServiceProgress::Phase::Step,
           QStringLiteral("The new version did not come up (%1); rolling back to %2")
               .arg(started.error().message, before.opencodeVersion));
    m_config = before;
    if (!previousImage.isEmpty()) {
        m_docker->tagImage(previousImage, m_config.imageName, m_config.opencodeVersion);
    }
    m_forceRecreate = true;
    auto restored = start(progress, cancel);
    m_forceRecreate = false;
    const QString why = started.error().message;
    if (!restored) {
        return ServiceError(ServiceError::Kind::Health,
                            QStringLiteral("The update to %1 failed (%2), and so did the rollback to %3: %4")
                                .arg(version, why, before.opencodeVersion, restored.error().message));
    }
    return ServiceError(ServiceError::Kind::Health,
                        QStringLiteral("The update to %1 failed (%2). Rolled back: opencode %3 is running again.")
                            .arg(version, why, before.opencodeVersion));
}

ServiceStatus ServiceController::status()
{
    ServiceStatus s;
    s.url = ServiceSpec::url(m_config);
    s.image = ServiceSpec::imageRef(m_config);
    // The probe connects while the engine answers; it sends the password only if the container runs.
    std::optional<HealthProbe> early;
    if (!m_config.frontDoorEnabled) {
        early.emplace(ServiceSpec::probeUrl(m_config));
    }
    auto answer = m_docker->pingAndInspect(m_config.containerName);
    const DockerResult<Unit>& ping = answer.ping;
    if (!ping) {
        s.state = ServiceStatus::State::EngineUnreachable;
        s.detail = ping.error().userMessage();
        switch (ping.error().category()) {
        case DockerError::Category::PermissionDenied:
            s.engineProblem = ServiceStatus::EngineProblem::PermissionDenied;
            break;
        case DockerError::Category::NoEngine:
            s.engineProblem = ServiceStatus::EngineProblem::NotRunning;
            break;
        default:
            s.engineProblem = ServiceStatus::EngineProblem::Other;
            break;
        }
        return s;
    }
    const DockerResult<ContainerInfo>& info = answer.container;
    if (!info) {
        s.state = ServiceStatus::State::Stopped;
        s.detail = info.error().category() == DockerError::Category::NotFound ? QStringLiteral("not created yet")
                                                                              : info.error().userMessage();
        return s;
    }
    const ContainerInfo& c = info.value();
    s.containerId = c.id;
    s.restartCount = c.restartCount;
    s.exitCode = c.exitCode;
    s.opencodeVersion = m_config.opencodeVersion;
    if (c.restarting) {
        s.state = ServiceStatus::State::Restarting;
        s.detail = QStringLiteral("crashed (exit code %1) and is being restarted").arg(c.exitCode);
        return s;
    }
    if (!c.running) {
        s.state = ServiceStatus::State::Stopped;
        s.detail = c.status;
        return s;
    }
    s.startedAt = c.startedAt;
    if (c.health == QLatin1String("unhealthy")) {
        // Docker's restart policy never acts on this: say it plainly.
        s.state = ServiceStatus::State::Unhealthy;
        s.detail = QStringLiteral("running but failing its health check");
        return s;
    }
    const HealthProbe::Result r = early ? early->request(m_config.username, m_password, 2000) : probe(2000);
    if (r.healthy()) {
        s.state = ServiceStatus::State::Healthy;
    } else if (c.health == QLatin1String("healthy")) {
        // The engine's check passed recently, ours did not: report what we saw.
        s.state = ServiceStatus::State::Unhealthy;
        s.detail = r.answered ? QStringLiteral("HTTP %1 from /global/health").arg(r.httpStatus) : r.error;
    } else {
        s.state = ServiceStatus::State::Starting;
        s.detail = r.answered ? QStringLiteral("HTTP %1 from /global/health").arg(r.httpStatus) : r.error;
    }
    return s;
}

} // namespace occ
