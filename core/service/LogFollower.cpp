#include "core/service/LogFollower.h"

#include "core/docker/LogStream.h"
#include "core/service/EngineConnection.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace occ {
namespace {

// The engine's `since` is inclusive: resume one nanosecond after the last line's RFC3339Nano time,
// written as "seconds.nanoseconds", so a re-attach never repeats a line.
QString sinceAfter(const QString& timestamp)
{
    const int dot = timestamp.indexOf(QLatin1Char('.'));
    const int zone = timestamp.indexOf(QLatin1Char('Z'));
    if (dot < 0 || zone < dot) {
        return timestamp;
    }
    const QDateTime whole = QDateTime::fromString(timestamp.left(dot) + QLatin1Char('Z'), Qt::ISODate);
    if (!whole.isValid()) {
        return timestamp;
    }
    qint64 seconds = whole.toSecsSinceEpoch();
    qint64 nanos = timestamp.mid(dot + 1, zone - dot - 1).leftJustified(9, QLatin1Char('0')).left(9).toLongLong() + 1;
    if (nanos >= 1000000000) {
        ++seconds;
        nanos -= 1000000000;
    }
    return QStringLiteral("%1.%2").arg(seconds).arg(nanos, 9, 10, QLatin1Char('0'));
}

} // namespace

// Lives in the follower's worker thread. Attaches to the container's log stream with timestamps (so a
// re-attach after a restart continues where the last stream ended), splits frames into lines and hands
// them over in batches at most every 100 ms.
class LogFollowerWorker : public QObject
{
    Q_OBJECT
public:
    LogFollowerWorker()
    {
        m_retry.setSingleShot(true);
        connect(&m_retry, &QTimer::timeout, this, &LogFollowerWorker::attach);
        m_flush.setInterval(100);
        connect(&m_flush, &QTimer::timeout, this, &LogFollowerWorker::flush);
    }

    void begin(const Config& config, int tail)
    {
        m_config = config;
        m_tail = tail;
        m_since.clear();
        m_flush.start();
        attach();
    }

    void end()
    {
        m_retry.stop();
        m_flush.stop();
        if (m_stream) {
            m_stream->disconnect(this);
            m_stream->cancel();
            m_stream->deleteLater();
        }
        flush();
        m_engine.reset();
    }

Q_SIGNALS:
    void linesReady(const QVector<occ::LogLine>& lines);
    void stateReady(const occ::LogFollowerState& state);

private:
    void attach()
    {
        if (!m_engine) {
            m_engine = std::make_unique<EngineConnection>(m_config);
        }
        if (!m_engine->isValid()) {
            Q_EMIT stateReady(state(LogFollowerState::Kind::NoEngine, {}, m_engine->error()));
            return;
        }
        auto info = m_engine->client()->inspectContainer(m_config.containerName);
        if (!info || !info->running) {
            // No container yet counts as "not started": the viewer waits for it the same way.
            const bool waiting = info || info.error().category() == DockerError::Category::NotFound;
            Q_EMIT stateReady(waiting ? state(LogFollowerState::Kind::WaitingForStart)
                                      : state(LogFollowerState::Kind::EngineError, info.error()));
            m_retry.start(2000);
            return;
        }
        LogOptions options;
        options.follow = true;
        options.timestamps = true;
        options.tty = info->tty;
        if (m_since.isEmpty()) {
            options.tail = m_tail;
        } else {
            options.since = sinceAfter(m_since);
        }
        m_stream = m_engine->client()->logs(info->id, options, this);
        connect(m_stream, &LogStream::framesReceived, this, &LogFollowerWorker::handleFrames);
        connect(m_stream, &LogStream::finished, this, [this](const DockerError& error) {
            if (m_stream) {
                m_stream->deleteLater();
            }
            m_stream = nullptr;
            flushPartial();
            Q_EMIT stateReady(state(LogFollowerState::Kind::StreamEnded, error));
            // Continue after the last line we saw, once the container runs again.
            m_retry.start(1000);
        });
        Q_EMIT stateReady(state(LogFollowerState::Kind::Following));
    }

    static LogFollowerState state(LogFollowerState::Kind kind, const DockerError& error = {},
                                  const QString& detail = {})
    {
        LogFollowerState s;
        s.kind = kind;
        s.error = error;
        s.detail = detail;
        return s;
    }

    void handleFrames(const QVector<LogFrame>& frames)
    {
        for (const LogFrame& frame : frames) {
            QByteArray& partial = frame.stream == 2 ? m_partialErr : m_partialOut;
            partial.append(frame.payload);
            int start = 0;
            int nl;
            while ((nl = partial.indexOf('\n', start)) >= 0) {
                addLine(frame.stream, partial.mid(start, nl - start));
                start = nl + 1;
            }
            partial.remove(0, start);
        }
    }

    void addLine(int stream, QByteArray line)
    {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        LogLine l;
        l.stream = stream == 2 ? LogLine::Stream::Stderr : LogLine::Stream::Stdout;
        const int space = line.indexOf(' ');
        if (space > 0) {
            l.timestamp = QString::fromLatin1(line.left(space));
            l.text = QString::fromUtf8(line.mid(space + 1));
            m_since = l.timestamp;
        } else {
            l.text = QString::fromUtf8(line);
        }
        m_pending.append(l);
    }

    void flushPartial()
    {
        if (!m_partialOut.isEmpty()) {
            addLine(1, m_partialOut);
            m_partialOut.clear();
        }
        if (!m_partialErr.isEmpty()) {
            addLine(2, m_partialErr);
            m_partialErr.clear();
        }
    }

    void flush()
    {
        if (!m_pending.isEmpty()) {
            Q_EMIT linesReady(m_pending);
            m_pending.clear();
        }
    }

    Config m_config;
    int m_tail = 1000;
    QString m_since;
    std::unique_ptr<EngineConnection> m_engine;
    QPointer<LogStream> m_stream;
    QByteArray m_partialOut;
    QByteArray m_partialErr;
    QVector<LogLine> m_pending;
    // Parented to the worker: moveToThread() moves children, and a timer must live in the thread that starts it.
    QTimer m_retry{this};
    QTimer m_flush{this};
};

LogFollower::LogFollower(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<occ::LogLine>();
    qRegisterMetaType<QVector<occ::LogLine>>();
    qRegisterMetaType<occ::LogFollowerState>();
    m_worker = new LogFollowerWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LogFollowerWorker::linesReady, this, &LogFollower::linesReceived, Qt::QueuedConnection);
    connect(m_worker, &LogFollowerWorker::stateReady, this, &LogFollower::stateChanged, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("LogFollower"));
    m_thread.start();
}

LogFollower::~LogFollower()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void LogFollower::setConfig(const Config& config)
{
    m_config = config;
}

void LogFollower::setTail(int lines)
{
    m_tail = lines;
}

void LogFollower::start()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, c = m_config, t = m_tail]() { w->begin(c, t); });
}

void LogFollower::stop()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker]() { w->end(); });
}

} // namespace occ

#include "LogFollower.moc"
