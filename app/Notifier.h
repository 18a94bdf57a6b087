#pragma once

#include "core/service/ServiceStatus.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace occ {

// Decides which status changes deserve a desktop notification (became unhealthy, crashed and was
// restarted, recovered, update finished) and rate-limits them so a crash loop does not spam the desktop:
// each kind at most once per kindInterval, and at most burstLimit notifications per burstWindow.
// The clock is injected so tests need no sleeps.
class Notifier : public QObject
{
    Q_OBJECT
public:
    enum class Kind { BecameUnhealthy, Crashed, Recovered, UpdateFinished };
    Q_ENUM(Kind)

    using Clock = std::function<qint64()>; // milliseconds, monotonic

    explicit Notifier(QObject* parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setKindInterval(qint64 ms) { m_kindIntervalMs = ms; }
    void setBurst(int limit, qint64 windowMs)
    {
        m_burstLimit = limit;
        m_burstWindowMs = windowMs;
    }
    void setEnabled(bool enabled) { m_enabled = enabled; }

    // Feed every status the monitor reports, in order.
    void handleStatus(const occ::ServiceStatus& status);
    int suppressedCount() const { return m_suppressed; }

Q_SIGNALS:
    // critical: show as a warning (unhealthy, crashed), else as information.
    void notify(occ::Notifier::Kind kind, const QString& title, const QString& message, bool critical);

private:
    void emitLimited(Kind kind, const QString& title, const QString& message, bool critical);

    Clock m_clock;
    ServiceStatus m_last;
    bool m_hasLast = false;
    bool m_enabled = true;
    qint64 m_kindIntervalMs = 5 * 60 * 1000;
    int m_burstLimit = 3;
    qint64 m_burstWindowMs = 60 * 1000;
    QHash<int, qint64> m_lastByKind;
    QList<qint64> m_recent;
    int m_suppressed = 0;
};

} // namespace occ
