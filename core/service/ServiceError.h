#pragma once

#include "core/docker/DockerError.h"
#include "core/frontdoor/FrontDoorError.h"
#include "core/util/Hint.h"
#include "core/util/Result.h"

#include <QString>

namespace occ {

// Why a service operation failed. message says what happened, in English for the CLI and logs; hints say
// what helps, typed, so the CLI words them as `occ` commands and the app as buttons. Front ends map the
// kind to an exit code (CLI) or an icon and a dialog (app).
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
        FrontDoor, // the front door could not be prepared or started: see frontDoor
        Other,
    };

    Kind kind = Kind::None;
    QString message;
    DockerError docker; // the engine's error, when there was one
    Hints hints;
    FrontDoorError::Kind frontDoor = FrontDoorError::Kind::Config; // with Kind::FrontDoor: what failed

    ServiceError() = default;
    ServiceError(Kind k, QString m, DockerError d = {}, Hints h = {})
        : kind(k)
        , message(std::move(m))
        , docker(std::move(d))
        , hints(std::move(h))
    { }

    // Maps an engine error once: no engine / permission → Engine, everything else keeps its own message.
    static ServiceError fromDocker(const DockerError& error, const QString& context = {});
    static ServiceError fromFrontDoor(const FrontDoorError& error);
};

template <typename T>
using ServiceResult = Result<T, ServiceError>;

} // namespace occ
