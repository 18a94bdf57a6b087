#pragma once

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
        EngineUnreachable, // see engineProblem / detail
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

    State state = State::NotSetUp;
    EngineProblem engineProblem = EngineProblem::None;
    QString detail; // one line, already user-facing ("permission denied on /var/run/docker.sock")
    QString containerId;
    QString image;
    QString opencodeVersion;
    QString url;
    QDateTime startedAt; // invalid when not running
    int restartCount = 0;
    int exitCode = 0;

    bool operator==(const ServiceStatus& o) const
    {
        return state == o.state && engineProblem == o.engineProblem && detail == o.detail
            && containerId == o.containerId && startedAt == o.startedAt && restartCount == o.restartCount;
    }
    bool operator!=(const ServiceStatus& o) const { return !(*this == o); }

    // Stable lowercase names, used by `occ status --json` and never translated.
    static QString stateName(State state);
};

} // namespace occ

Q_DECLARE_METATYPE(occ::ServiceStatus)
