#include "core/service/Watchdog.h"

#include <algorithm>

namespace occ {

Watchdog::Watchdog(Settings settings)
    : m_settings(settings)
{ }

int Watchdog::restartsInWindow(qint64 nowMs) const
{
    return static_cast<int>(
        std::count_if(m_restarts.begin(), m_restarts.end(), [&](qint64 t) { return nowMs - t < m_settings.windowMs; }));
}

Watchdog::Action Watchdog::observe(bool healthy, qint64 nowMs)
{
    if (m_open) {
        return Action::None;
    }
    if (healthy) {
        m_failures = 0;
        return Action::None;
    }
    ++m_failures;
    if (m_failures < m_settings.failureThreshold || nowMs < m_nextAllowed) {
        return Action::None;
    }
    if (restartsInWindow(nowMs) >= m_settings.maxRestarts) {
        m_open = true;
        m_reason = QStringLiteral("gave up after %1 restarts within %2 s: the service does not stay healthy")
                       .arg(m_settings.maxRestarts)
                       .arg(m_settings.windowMs / 1000);
        return Action::GiveUp;
    }
    return Action::Restart;
}

void Watchdog::restarted(qint64 nowMs)
{
    while (!m_restarts.empty() && nowMs - m_restarts.front() >= m_settings.windowMs) {
        m_restarts.pop_front();
    }
    m_restarts.push_back(nowMs);
    m_failures = 0;
    // 1st restart: base delay before the next may happen, then 2x, 4x, ... capped at 5 minutes.
    const int n = static_cast<int>(m_restarts.size()) - 1;
    const qint64 delay = std::min<qint64>(m_settings.baseDelayMs << std::min(n, 16), 300000);
    m_nextAllowed = nowMs + delay;
}

} // namespace occ
