#pragma once

#include "core/config/Config.h"

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
    // "attached", "container stopped, waiting for it", "engine unreachable: ..." (user-facing).
    void stateChanged(const QString& text);

private:
    QThread m_thread;
    LogFollowerWorker* m_worker = nullptr;
    Config m_config;
    int m_tail = 1000;
};

} // namespace occ

Q_DECLARE_METATYPE(occ::LogLine)
