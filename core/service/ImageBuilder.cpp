#include "core/service/ImageBuilder.h"

#include "core/docker/DockerClient.h"
#include "core/image/ImageContext.h"
#include "core/service/ServiceSpec.h"

#include <QStringList>

namespace occ {

ImageBuilder::ImageBuilder(Config config, DockerClient* docker)
    : m_config(std::move(config))
    , m_docker(docker)
{ }

ServiceResult<Unit> ImageBuilder::ensure(const ServiceProgress::Fn& progress, std::atomic_bool* cancel)
{
    const QString ref = ServiceSpec::imageRef(m_config);
    auto exists = m_docker->imageExists(ref);
    if (!exists) {
        return ServiceError::fromDocker(exists.error(), QStringLiteral("Could not look up image %1").arg(ref));
    }
    if (exists.value()) {
        return Unit{};
    }
    return build(progress, cancel);
}

ServiceResult<Unit> ImageBuilder::build(const ServiceProgress::Fn& progress, std::atomic_bool* cancel)
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
    ServiceProgress::report(
        progress, ServiceProgress::Phase::Step,
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
                if (lastLines.size() > FailedBuildLines) {
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
    if (built) {
        return Unit{};
    }
    if (cancel && cancel->load()) {
        return ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled; no image was made."));
    }
    ServiceError e = ServiceError::fromDocker(built.error(), QStringLiteral("Building %1 failed").arg(context->tag()));
    if (e.kind == ServiceError::Kind::Other) {
        e.kind = ServiceError::Kind::Image;
    }
    if (!lastLines.isEmpty()) {
        e.message += QStringLiteral("\nThe build's last lines:\n  ") + lastLines.join(QStringLiteral("\n  "));
    }
    return e;
}

} // namespace occ
