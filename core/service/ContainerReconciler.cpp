#include "core/service/ContainerReconciler.h"

#include "core/docker/DockerClient.h"
#include "core/image/ImageContext.h"
#include "core/image/ImageLayout.h"
#include "core/service/ServiceSpec.h"

#include <QDateTime>

namespace occ {

ContainerReconciler::ContainerReconciler(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

ServiceResult<ContainerReconciler::Outcome> ContainerReconciler::reconcile(const StartOptions& options,
                                                                           const ServiceProgress::Fn& progress)
{
    Outcome outcome;
    auto info = m_docker->inspectContainer(m_config.containerName);
    if (!info && info.error().category() != DockerError::Category::NotFound) {
        return ServiceError::fromDocker(info.error(), QStringLiteral("Could not look up the container"));
    }
    bool imageChanged = false;
    if (!info) {
        auto created = create(m_config.containerName, progress);
        if (!created) {
            return created.error();
        }
        outcome.id = created.value();
        outcome.created = true;
    } else if (info->labels.value(QString(image::ManagedLabel)) != QLatin1String("true")) {
        return notOurs();
    } else if (needsRecreate(info.value(), options, &imageChanged)) {
        ServiceProgress::report(
            progress, ServiceProgress::Phase::Step,
            imageChanged || options.forceRecreate
                ? QStringLiteral("The image changed: recreating the container (volumes are kept)")
                : QStringLiteral("The config changed: recreating the container (volumes are kept)"));
        // The replacement got its password while the old one still served.
        auto replaced = replace(info.value(), &outcome, progress);
        if (!replaced) {
            return replaced.error();
        }
    } else if (info->running) {
        ServiceProgress::report(progress, ServiceProgress::Phase::Step, QStringLiteral("Already running"));
        outcome.id = info->id;
        outcome.wasRunning = true;
        return outcome;
    } else {
        outcome.id = info->id;
    }
    auto started = start(outcome, progress);
    if (!started) {
        return started.error();
    }
    return outcome;
}

bool ContainerReconciler::needsRecreate(const ContainerInfo& existing, const StartOptions& options, bool* imageChanged)
{
    const ContainerSpec wanted = ServiceSpec::containerSpec(m_config);
    const QString hashLabel = QString::fromLatin1(ServiceSpec::ConfigHashLabel);
    auto currentImage = m_docker->inspectImage(wanted.image);
    *imageChanged = currentImage && currentImage->id != existing.imageId;
    return existing.labels.value(hashLabel) != wanted.labels.value(hashLabel) || *imageChanged || options.forceRecreate;
}

ServiceResult<Unit> ContainerReconciler::start(const Outcome& outcome, const ServiceProgress::Fn& progress)
{
    // Written before every start, so a rotated password takes effect and a container made by hand from our
    // image never starts without one (a replacement already has it).
    if (!outcome.recreated) {
        auto injected = injectPassword(outcome.id);
        if (!injected) {
            return injected.error();
        }
    }
    ServiceProgress::report(progress, ServiceProgress::Phase::Step,
                            QStringLiteral("Starting %1").arg(m_config.containerName));
    auto started = m_docker->startContainer(outcome.id);
    if (started) {
        return Unit{};
    }
    removeRetired(outcome);
    if (started.error().isPortInUse()) {
        return ServiceError(
            ServiceError::Kind::Conflict,
            QStringLiteral("Port %1 on %2 is already in use by another program.").arg(m_config.port).arg(m_config.bind),
            started.error(), {Hint::of(Hint::Action::ChangePort)});
    }
    return ServiceError::fromDocker(started.error(), QStringLiteral("Could not start the container"));
}

ServiceResult<QString> ContainerReconciler::create(const QString& name, const ServiceProgress::Fn& progress)
{
    for (const ServiceSpec::Volume& v : ServiceSpec::volumes(m_config)) {
        QMap<QString, QString> labels{{QString(image::ManagedLabel), QStringLiteral("true")},
                                      {QString::fromLatin1(ServiceSpec::VolumeRoleLabel), v.role}};
        auto created = m_docker->createVolume(v.name, labels);
        if (!created) {
            return ServiceError::fromDocker(created.error(), QStringLiteral("Could not create volume %1").arg(v.name));
        }
    }
    ServiceProgress::report(progress, ServiceProgress::Phase::Step, QStringLiteral("Creating container %1").arg(name));
    auto id = m_docker->createContainer(name, ServiceSpec::containerSpec(m_config));
    if (!id) {
        if (id.error().isNameConflict()) {
            ServiceError e = notOurs();
            e.docker = id.error();
            return e;
        }
        return ServiceError::fromDocker(id.error(), QStringLiteral("Could not create the container"));
    }
    return id.value();
}

ServiceResult<Unit> ContainerReconciler::replace(const ContainerInfo& old, Outcome* outcome,
                                                 const ServiceProgress::Fn& progress)
{
    // The replacement is created (slow on copying storage drivers) and given its password while the old
    // one still serves; the downtime is only stop, rename and start.
    const QString nextName = m_config.containerName + QStringLiteral("-next");
    m_docker->removeContainer(nextName, true, false); // a leftover from an interrupted replace
    auto created = create(nextName, progress);
    if (!created) {
        return created.error();
    }
    const QString id = created.value();
    auto injected = injectPassword(id);
    if (!injected) {
        m_docker->removeContainer(id, true, false);
        return injected.error();
    }
    outcome->oldStoppedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (old.running || old.restarting) {
        auto stopped = m_docker->stopContainer(old.id, 10);
        if (!stopped) {
            m_docker->removeContainer(id, true, false);
            return ServiceError::fromDocker(stopped.error(), QStringLiteral("Could not stop the old container"));
        }
    }
    // Removing a container can take seconds (copying storage drivers delete a whole layer): the old one
    // only steps aside now and is removed once the new one answered (removeRetired()).
    const QString oldName = m_config.containerName + QStringLiteral("-old");
    m_docker->removeContainer(oldName, true, false);
    auto aside = m_docker->renameContainer(old.id, oldName);
    if (!aside) {
        m_docker->removeContainer(id, true, false);
        return ServiceError::fromDocker(aside.error(), QStringLiteral("Could not move the old container aside"));
    }
    outcome->retiredId = old.id;
    outcome->id = id;
    outcome->recreated = true;
    auto renamed = m_docker->renameContainer(id, m_config.containerName);
    if (!renamed) {
        return ServiceError::fromDocker(renamed.error(), QStringLiteral("Could not rename the new container"));
    }
    return Unit{};
}

void ContainerReconciler::removeRetired(const Outcome& outcome)
{
    // Gone whatever the outcome (its volumes are named and stay).
    if (!outcome.retiredId.isEmpty()) {
        m_docker->removeContainer(outcome.retiredId, true, false);
    }
}

ServiceResult<Unit> ContainerReconciler::injectPassword(const QString& containerId)
{
    auto put =
        m_docker->putArchive(containerId, image::PasswordDir, ImageContext::passwordArchive(m_password.toUtf8()));
    if (!put) {
        return ServiceError::fromDocker(put.error(), QStringLiteral("Could not hand the password to the container"));
    }
    return Unit{};
}

ServiceError ContainerReconciler::notOurs() const
{
    return ServiceError(ServiceError::Kind::Conflict,
                        QStringLiteral("A container named \"%1\" already exists and was not made by opencode-cloud.")
                            .arg(m_config.containerName),
                        {}, {Hint::withTarget(Hint::Action::ChangeContainerName, m_config.containerName)});
}

} // namespace occ
