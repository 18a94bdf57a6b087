#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceError.h"
#include "core/service/ServiceProgress.h"

#include <atomic>

namespace occ {

class DockerClient;

// The service's image, ServiceSpec::imageRef(config): looked up, or built from the embedded context with
// its progress reported line by line. A failed build's error carries the last lines of its output, since
// the engine's own error names only the failing step's command.
class ImageBuilder
{
public:
    // How many lines of a failed build's output its error quotes.
    static constexpr int FailedBuildLines = 6;

    ImageBuilder(Config config, DockerClient* docker);

    // Present, or built.
    ServiceResult<Unit> ensure(const ServiceProgress::Fn& progress = {}, std::atomic_bool* cancel = nullptr);
    // Built whether or not it exists (update, a changed base).
    ServiceResult<Unit> build(const ServiceProgress::Fn& progress = {}, std::atomic_bool* cancel = nullptr);

private:
    Config m_config;
    DockerClient* m_docker;
};

} // namespace occ
