#pragma once

#include <QString>

#include <deque>

namespace occ {

// Decides when a running but unanswering service gets restarted, and when to stop trying. Pure: the
// caller feeds it probe results and the time, so every rule is unit-tested without waiting.
//   - `failureThreshold` failed probes in a row → restart;
//   - restarts back off exponentially from `baseDelayMs` (doubling, capped at 5 minutes);
//   - more than `maxRestarts` restarts within `windowMs` → the circuit opens: give up and say why.
// Docker's restart policy never acts on an unhealthy container, so this is the only thing that does.
class Watchdog
{
public:
    enum class Action { None, Restart, GiveUp };

    struct Settings
    {
        int failureThreshold = 3;
        int maxRestarts = 5;
        qint64 windowMs = 300000;
        qint64 baseDelayMs = 5000;
    };

    explicit Watchdog(Settings settings);

    // A probe (or a "container not running" observation) at nowMs. Returns what to do now.
    Action observe(bool healthy, qint64 nowMs);
    // The caller restarted the service at nowMs.
    void restarted(qint64 nowMs);

    const Settings& settings() const { return m_settings; }
    int consecutiveFailures() const { return m_failures; }
    int restartsInWindow(qint64 nowMs) const;
    bool isOpen() const { return m_open; }
    // Why the circuit opened, for the log and the service manager.
    QString reason() const { return m_reason; }
    // Earliest time the next restart may happen (the back-off).
    qint64 nextRestartAllowedAt() const { return m_nextAllowed; }

private:
    Settings m_settings;
    int m_failures = 0;
    std::deque<qint64> m_restarts;
    qint64 m_nextAllowed = 0;
    bool m_open = false;
    QString m_reason;
};

} // namespace occ
