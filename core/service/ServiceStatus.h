#pragma once

#include "core/docker/DockerError.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace occ {

// What a front end needs to know about the service, as one value. Core emits it; the CLI prints it
// and the desktop app's presenter maps it to an icon, a tooltip and words.
struct ServiceStatus
{
    Q_GADGET
public:
    enum class State {
        NotSetUp, // no config file yet
        EngineUnreachable, // see engineProblem / reason
        Stopped, // no container, or it exists and is not running
        Starting, // running, health still "starting"
        Healthy,
        Unhealthy,
        Restarting, // the engine is restarting it (crash loop)
        Updating, // an update is in progress
    };
    Q_ENUM(State)

    enum class EngineProblem {
        None,
        NotInstalled,
        NotRunning,
        PermissionDenied,
        Other,
    };
    Q_ENUM(EngineProblem)

    // Why the state is what it is, beyond the state itself; the front ends word it (cli/StatusText,
    // app/StatusPresenter), with engineError, engineText and httpStatus as the data.
    enum class Reason {
        None,
        EndpointUnknown, // EngineUnreachable: where the engine is cannot be worked out; engineText says why
        EngineError, // EngineUnreachable, or Stopped when the container cannot be looked up: engineError
        NotCreated, // Stopped: no container yet
        Exited, // Stopped: engineText is the engine's own status ("Exited (0) 5 minutes ago")
        CrashLoop, // Restarting: it crashed with exitCode and the engine restarts it
        HealthCheckFailing, // Unhealthy: the engine's health check fails
        HealthHttpStatus, // Unhealthy or Starting: our probe got httpStatus
        HealthNoAnswer, // Unhealthy or Starting: our probe got no answer; engineText is the network's reason
    };
    Q_ENUM(Reason)

    State state = State::NotSetUp;
    EngineProblem engineProblem = EngineProblem::None;
    Reason reason = Reason::None;
    DockerError engineError; // with Reason::EngineError
    QString engineText; // the engine's or the system's own words, passed on as they are (see Reason)
    int httpStatus = 0; // with Reason::HealthHttpStatus
    QString containerId;
    QString image;
    QString opencodeVersion;
    QString url;
    QDateTime startedAt; // invalid when not running
    int restartCount = 0;
    int exitCode = 0;

    bool operator==(const ServiceStatus& o) const
    {
        return state == o.state && engineProblem == o.engineProblem && reason == o.reason
            && engineError.category() == o.engineError.category() && engineError.message() == o.engineError.message()
            && engineText == o.engineText && httpStatus == o.httpStatus && containerId == o.containerId
            && startedAt == o.startedAt && restartCount == o.restartCount;
    }
    bool operator!=(const ServiceStatus& o) const { return !(*this == o); }

    // Stable lowercase names, used by `occ status --json` and never translated.
    static QString stateName(State state);
};

} // namespace occ

Q_DECLARE_METATYPE(occ::ServiceStatus)
