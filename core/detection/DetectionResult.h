#pragma once

#include "core/docker/DockerError.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace occ {

// What the setup wizard needs to know about this machine before it asks anything, as one value.
// Detection fills it; the wizard's detection page only renders it, so tests can hand the page any result.
struct DetectionResult
{
    enum class Engine {
        Unknown, // not checked yet
        Reachable,
        NotInstalled, // no socket, no docker binary
        NotRunning, // a socket path but nobody answers
        PermissionDenied, // the socket exists and we may not open it
        TooOld, // the engine's API is older than we support
        Other,
    };

    // One thing the person can do about a problem: words, and a command to copy when there is one.
    struct Fix
    {
        QString text;
        QString command;
    };

    Engine engine = Engine::Unknown;
    QString engineDetail; // the engine's or transport's words, one line
    DockerError engineError; // when the engine answered with an error (engineDetail is its userMessage())
    QString endpoint; // unix:///var/run/docker.sock, ssh://host, ...
    QString engineVersion; // "24.0.7"
    QString apiVersion; // negotiated, "1.43"

    QString configPath;
    bool configExists = false;
    QString configProblem; // empty when the file loads (or is absent)

    bool containerExists = false;
    bool containerRunning = false;
    bool containerForeign = false; // a container of our name that opencode-cloud did not make
    QString containerState; // "running", "exited", ...
    QStringList volumes; // our named volumes that already exist (data is kept whatever is chosen)

    int port = 0;
    bool portFree = true;
    bool portHeldByService = false; // our own running container holds it: not a conflict
    QString portHolder; // "nginx (pid 812)" when known
    int suggestedPort = 0; // the next free one when the port is taken

    bool engineOk() const { return engine == Engine::Reachable; }
    bool portUsable() const { return portFree || portHeldByService; }
    // Existing data the wizard must keep: a container or volumes from an earlier setup.
    bool hasExistingService() const { return containerExists || !volumes.isEmpty(); }

    // What to do about each problem found, most important first. userName fills in the docker-group
    // command (`sudo usermod -aG docker alice`). Pure: the wizard renders it, tests check it.
    QVector<Fix> fixes(const QString& userName) const;

    static QString engineName(Engine engine);
};

} // namespace occ

Q_DECLARE_METATYPE(occ::DetectionResult)
