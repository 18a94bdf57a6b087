#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceStatus.h"

#include <QObject>
#include <QThread>

namespace occ {

class MonitorWorker;

// Follows the service's state for a front end that stays open (the tray app, `occ run`): the engine's
// events stream for our container (start, die, health_status, ...) plus a slow health probe, never
// polling faster than probeIntervalMs while idle. All engine work happens in a worker thread with its own
// connection; statusChanged() arrives in the monitor's thread and only when something changed.
class ServiceMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ServiceMonitor(QObject* parent = nullptr);
    ~ServiceMonitor() override;

    // configured=false: there is no config file yet (state NotSetUp, nothing is contacted).
    void setConfig(const Config& config, const QString& password, bool configured = true);
    ServiceStatus status() const { return m_status; }

    // Idle probe interval; default 10 s. While starting or unhealthy it probes every 2 s.
    void setProbeInterval(int ms);
    // Shown as State::Updating until cleared (set by whoever runs the update).
    void setUpdating(bool updating);

public Q_SLOTS:
    void start();
    void stop();
    // Asks for a fresh status now (after a start/stop from this process).
    void refresh();

Q_SIGNALS:
    void statusChanged(const occ::ServiceStatus& status);

private:
    void handleStatus(const occ::ServiceStatus& status);

    QThread m_thread;
    MonitorWorker* m_worker = nullptr;
    ServiceStatus m_status;
    bool m_updating = false;
    bool m_hasStatus = false;
};

} // namespace occ
