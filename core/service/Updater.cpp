#include "core/service/Updater.h"

#include "core/docker/DockerClient.h"
#include "core/service/ImageBuilder.h"
#include "core/service/ServiceSpec.h"
#include "core/service/ServiceStarter.h"

#include <QDateTime>

namespace occ {

Updater::Updater(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

ServiceResult<QString> Updater::keepPrevious()
{
    QString previousImage;
    auto current = m_docker->inspectContainer(m_config.containerName);
    if (current) {
        previousImage = current->imageId;
    } else if (auto image = m_docker->inspectImage(ServiceSpec::imageRef(m_config))) {
        previousImage = image->id;
    }
    if (!previousImage.isEmpty()) {
        auto tagged = m_docker->tagImage(previousImage, m_config.imageName, QString::fromLatin1(PreviousTag));
        if (!tagged) {
            return ServiceError::fromDocker(tagged.error(), QStringLiteral("Could not keep the previous image"));
        }
    }
    return previousImage;
}

ServiceResult<Unit> Updater::prepareImage(const Config& next, bool rebuild, const ServiceProgress::Fn& progress,
                                          std::atomic_bool* cancel)
{
    auto exists = m_docker->imageExists(ServiceSpec::imageRef(next));
    if (!exists) {
        return ServiceError::fromDocker(exists.error(), QStringLiteral("Could not look up the image"));
    }
    if (!rebuild && exists.value()) {
        return Unit{};
    }
    auto built = ImageBuilder(next, m_docker).build(progress, cancel);
    if (!built) {
        ServiceError untouched = built.error();
        untouched.message += QStringLiteral(" The running service was not touched.");
        return untouched;
    }
    return Unit{};
}

ServiceResult<UpdateOutcome> Updater::update(const Options& options, const ServiceProgress::Fn& progress,
                                             std::atomic_bool* cancel)
{
    UpdateOutcome outcome;
    outcome.from = m_config.opencodeVersion;
    outcome.to = options.version;

    // 1. Keep what runs now under <name>:previous, so a rollback has something to go back to.
    auto previousImage = keepPrevious();
    if (!previousImage) {
        return previousImage.error();
    }
    // 2. The new image, while the old container keeps serving.
    Config next = m_config;
    next.opencodeVersion = options.version;
    if (auto image = prepareImage(next, options.rebuild, progress, cancel); !image) {
        return image.error();
    }
    // 3. Recreate on the same volumes; the downtime is this step.
    auto started = ServiceStarter(next, m_password, m_docker).start(StartOptions{true}, progress, cancel);
    if (!started) {
        // 4. Roll back: the old image under its old tag, recreated, healthy again.
        return rollBack(previousImage.value(), options.version, started.error(), progress, cancel);
    }
    // From the moment the old container began to stop (the new one was already created) to an answer.
    outcome.downtimeMs =
        started->oldStoppedAtMs > 0 ? QDateTime::currentMSecsSinceEpoch() - started->oldStoppedAtMs : 0;
    outcome.url = started->url;
    return outcome;
}

ServiceError Updater::rollBack(const QString& previousImage, const QString& version, const ServiceError& why,
                               const ServiceProgress::Fn& progress, std::atomic_bool* cancel)
{
    ServiceProgress::report(progress, ServiceProgress::Phase::Step,
                            QStringLiteral("The new version did not come up (%1); rolling back to %2")
                                .arg(why.message, m_config.opencodeVersion));
    if (!previousImage.isEmpty()) {
        m_docker->tagImage(previousImage, m_config.imageName, m_config.opencodeVersion);
    }
    auto restored = ServiceStarter(m_config, m_password, m_docker).start(StartOptions{true}, progress, cancel);
    if (!restored) {
        return ServiceError(ServiceError::Kind::Health,
                            QStringLiteral("The update to %1 failed (%2), and so did the rollback to %3: %4")
                                .arg(version, why.message, m_config.opencodeVersion, restored.error().message),
                            {}, restored.error().hints);
    }
    return ServiceError(ServiceError::Kind::Health,
                        QStringLiteral("The update to %1 failed (%2). Rolled back: opencode %3 is running again.")
                            .arg(version, why.message, m_config.opencodeVersion));
}

} // namespace occ
