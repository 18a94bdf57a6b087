#pragma once

#include "core/docker/DockerError.h"
#include "core/util/Result.h"

#include <QString>

namespace occ {

// Docker API version arithmetic. Versions are "major.minor" and compare numerically
// (1.9 < 1.41), never as strings.
class ApiVersion
{
public:
    // The oldest engine API we support: Debian 12's docker.io 20.10 speaks 1.41.
    static constexpr const char* Minimum = "1.41";
    // The newest API whose behaviour we know; newer engines still accept it.
    static constexpr const char* Newest = "1.47";

    // <0, 0, >0 like strcmp. Unparsable parts count as 0.
    static int compare(const QString& a, const QString& b);

    // The version to speak with an engine that reports `engineVersion` (its Api-Version):
    // min(engine, Newest), or Category::ApiVersion when the engine is older than Minimum
    // or reports no version at all.
    static Result<QString, DockerError> negotiate(const QString& engineVersion);
};

} // namespace occ
