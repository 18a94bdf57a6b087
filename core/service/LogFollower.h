#pragma once

#include "core/config/Config.h"
#include "core/docker/DockerError.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QVector>

namespace occ {

class LogFollowerWorker;

// One line of the service's output, for the log viewer.
struct LogLine
{
    enum class Stream { Stdout = 1, Stderr = 2 };
    Stream stream = Stream::Stdout;
    QString timestamp; // RFC 3339 from the engine
    QString text; // without the trailing newline
};

// Where the follower is, for the log viewer's status line. Core says what happened; the viewer makes the words.
struct LogFollowerState
{
    Q_GADGET
public:
    enum class Kind {
        Following, // attached to the container's output
        WaitingForStart, // the container exists but does not run; retrying
        StreamEnded, // the container stopped (or the stream broke: see error); waiting for it to come back
        NoEngine, // the engine's endpoint cannot be resolved (see detail)
        EngineError, // the engine refused or failed (see error); retrying
    };
    Q_ENUM(Kind)

    Kind kind = Kind::Following;
    DockerError error; // StreamEnded (when the stream broke), EngineError
    QString detail; // NoEngine: why the endpoint could not be resolved (for logs)
};

// Follows the service container's logs across restarts (re-attaching when it comes back), in a worker
// thread, delivering lines in batches so a chatty service cannot flood the UI thread with signals.
class LogFollower : public QObject
{
    Q_OBJECT
public:
    explicit LogFollower(QObject* parent = nullptr);
    ~LogFollower() override;

    void setConfig(const Config& config);
    // How many past lines to show on attach (default 1000).
    void setTail(int lines);

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void linesReceived(const QVector<occ::LogLine>& lines);
    void stateChanged(const occ::LogFollowerState& state);

private:
    QThread m_thread;
    LogFollowerWorker* m_worker = nullptr;
    Config m_config;
    int m_tail = 1000;
};

} // namespace occ

Q_DECLARE_METATYPE(occ::LogLine)
Q_DECLARE_METATYPE(occ::LogFollowerState)
