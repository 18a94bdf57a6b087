#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace occ {

class RingBufferSink;

// The log viewer's window on a RingBufferSink. Records logged on any thread arrive as logRecorded()
// in this object's thread, always queued: a direct emission from inside the sink would run the viewer
// with the sink locked, and a viewer that logs would deadlock.
class LogHub : public QObject
{
    Q_OBJECT

public:
    explicit LogHub(std::shared_ptr<RingBufferSink> sink, QObject* parent = nullptr);
    ~LogHub() override;

    // What the buffer holds now, oldest first, to fill a viewer before the first signal.
    QStringList backlog() const;

Q_SIGNALS:
    // level is spdlog's: 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 critical.
    void logRecorded(const QString& line, int level);

private:
    std::shared_ptr<RingBufferSink> m_sink;
    int m_listenerId = 0;
};

} // namespace occ
