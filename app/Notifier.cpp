#include "app/Notifier.h"

#include "app/StatusPresenter.h"

#include <QElapsedTimer>

namespace occ {

Notifier::Notifier(QObject* parent)
    : QObject(parent)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // Starts far from zero so the first notification of each kind is never "too soon".
    m_clock = [timer] { return timer->elapsed() + 365LL * 24 * 3600 * 1000; };
}

void Notifier::handleStatus(const ServiceStatus& status)
{
    using State = ServiceStatus::State;
    if (!m_hasLast) {
        // The first status is where we are, not a change: nothing to announce.
        m_last = status;
        m_hasLast = true;
        return;
    }
    const ServiceStatus previous = m_last;
    m_last = status;

    const bool sameContainer = !status.containerId.isEmpty() && status.containerId == previous.containerId;
    if (sameContainer && status.restartCount > previous.restartCount) {
        emitLimited(Kind::Crashed, tr("opencode-cloud crashed"),
                    tr("The service stopped unexpectedly and Docker restarted it (%n restart(s) so far).", nullptr,
                       status.restartCount),
                    true);
    }
    if (status.state == previous.state) {
        return;
    }
    if (previous.state == State::Updating && status.state != State::Updating) {
        if (status.state == State::Healthy) {
            emitLimited(Kind::UpdateFinished, tr("opencode-cloud updated"),
                        status.opencodeVersion.isEmpty()
                            ? tr("The update finished and the service is running.")
                            : tr("The service now runs opencode %1.").arg(status.opencodeVersion),
                        false);
        } else {
            emitLimited(Kind::UpdateFinished, tr("opencode-cloud update finished"),
                        tr("The update finished, but the service is not healthy. Show the logs to see why."), true);
        }
        return;
    }
    if (status.state == State::Unhealthy && previous.state == State::Healthy) {
        emitLimited(Kind::BecameUnhealthy, tr("opencode-cloud is not responding"),
                    StatusPresenter::reasonText(status).isEmpty()
                        ? tr("The service is running but stopped answering.")
                        : tr("The service does not respond: %1.").arg(StatusPresenter::reasonText(status)),
                    true);
    } else if (status.state == State::Restarting && previous.state != State::Restarting
               && !(sameContainer && status.restartCount > previous.restartCount)) {
        emitLimited(Kind::Crashed, tr("opencode-cloud crashed"),
                    tr("The service stopped unexpectedly; Docker is restarting it."), true);
    } else if (status.state == State::Healthy
               && (previous.state == State::Unhealthy || previous.state == State::Restarting)) {
        emitLimited(Kind::Recovered, tr("opencode-cloud recovered"), tr("The service is answering again."), false);
    }
}

void Notifier::emitLimited(Kind kind, const QString& title, const QString& message, bool critical)
{
    if (!m_enabled) {
        return;
    }
    const qint64 now = m_clock();
    const auto last = m_lastByKind.constFind(int(kind));
    while (!m_recent.isEmpty() && now - m_recent.first() >= m_burstWindowMs) {
        m_recent.removeFirst();
    }
    if ((last != m_lastByKind.constEnd() && now - last.value() < m_kindIntervalMs) || m_recent.size() >= m_burstLimit) {
        ++m_suppressed;
        return;
    }
    m_lastByKind.insert(int(kind), now);
    m_recent.append(now);
    Q_EMIT notify(kind, title, message, critical);
}

} // namespace occ
