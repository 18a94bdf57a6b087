#pragma once

#include "core/docker/DockerError.h"
#include "core/util/Result.h"

#include <QString>

namespace occ {

// Why a service operation failed, in words a person can act on. Front ends map the kind to an exit
// code (CLI) or an icon and a dialog (app); the message is already complete.
struct ServiceError
{
    enum class Kind {
        None,
        Engine, // Docker not installed / not running / permission denied
        NotSetUp, // no config or no password yet
        Config, // the config does not allow this (e.g. a public bind without a password)
        Image, // the image could not be built or found
        Health, // the service did not become healthy in time, or crashed while starting
        Conflict, // a container name or port is taken by something that is not ours
        Cancelled,
        Other,
    };

    Kind kind = Kind::None;
    QString message;
    DockerError docker; // the engine's error, when there was one

    ServiceError() = default;
    ServiceError(Kind k, QString m, DockerError d = {})
        : kind(k)
        , message(std::move(m))
        , docker(std::move(d))
    { }

    // Maps an engine error once: no engine / permission → Engine, everything else keeps its own message.
    static ServiceError fromDocker(const DockerError& error, const QString& context = {});
};

template <typename T>
using ServiceResult = Result<T, ServiceError>;

} // namespace occ
