#include "core/service/ServiceMonitor.h"

#include "core/docker/EventStream.h"
#include "core/service/EngineConnection.h"
#include "core/service/ServiceController.h"
#include "core/service/ServiceSpec.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace occ {

// Lives in the monitor's worker thread: owns the engine connection, the events stream and the probe timer.
class MonitorWorker : public QObject
{
    Q_OBJECT
public:
    MonitorWorker()
    {
        m_probeTimer.setSingleShot(true);
        connect(&m_probeTimer, &QTimer::timeout, this, &MonitorWorker::refresh);
        m_debounce.setSingleShot(true);
        m_debounce.setInterval(200);
        connect(&m_debounce, &QTimer::timeout, this, &MonitorWorker::refresh);
    }

    void configure(const Config& config, const QString& password, bool configured)
    {
        m_config = config;
        m_password = password;
        m_configured = configured;
        dropStream();
        m_engine.reset();
        refresh();
    }

    ~MonitorWorker() override { stopAll(); }

    void setIdleInterval(int ms) { m_idleIntervalMs = ms; }

    void stopAll()
    {
        m_probeTimer.stop();
        m_debounce.stop();
        dropStream();
        m_engine.reset();
    }

    void refresh()
    {
        ServiceStatus status;
        if (!m_configured) {
            status.state = ServiceStatus::State::NotSetUp;
            Q_EMIT statusReady(status);
            return; // nothing to watch until a config exists
        }
        if (!m_engine) {
            m_engine = std::make_unique<EngineConnection>(m_config);
        }
        if (!m_engine->isValid()) {
            status.state = ServiceStatus::State::EngineUnreachable;
            status.engineProblem = ServiceStatus::EngineProblem::Other;
            status.reason = ServiceStatus::Reason::EndpointUnknown;
            status.engineText = m_engine->error();
        } else {
            ServiceController controller(m_config, m_password, m_engine->client());
            status = controller.status();
            if (status.state != ServiceStatus::State::EngineUnreachable && !m_stream) {
                subscribe();
            }
        }
        Q_EMIT statusReady(status);
        // Slow when nothing is expected to change; the events stream reports the rest at once.
        const bool settled =
            status.state == ServiceStatus::State::Healthy || status.state == ServiceStatus::State::Stopped;
        m_probeTimer.start(settled ? m_idleIntervalMs : std::min(m_idleIntervalMs, 2000));
    }

Q_SIGNALS:
    void statusReady(const occ::ServiceStatus& status);

private:
    void subscribe()
    {
        QMap<QString, QStringList> filters{
            {QStringLiteral("type"), {QStringLiteral("container")}},
            {QStringLiteral("container"), {m_config.containerName}},
        };
        m_stream = m_engine->client()->events(filters, {}, this);
        connect(m_stream, &EventStream::eventReceived, this, [this](const DockerEvent&) { m_debounce.start(); });
        connect(m_stream, &EventStream::finished, this, [this](const DockerError&) {
            // The engine went away (or restarted): the next refresh says so and re-subscribes.
            if (m_stream) {
                m_stream->deleteLater();
            }
            m_stream = nullptr;
            m_debounce.start();
        });
    }

    // Deletes the stream now, and any finished one still waiting for its deleteLater(): a stream's reply
    // talks to the engine connection while it is destroyed, so no stream may outlive m_engine (a deferred
    // delete after m_engine.reset(), or QObject's deletion of children after the members, crashed).
    void dropStream()
    {
        if (m_stream) {
            m_stream->disconnect(this);
            m_stream->cancel();
        }
        m_stream = nullptr;
        qDeleteAll(findChildren<EventStream*>(QString(), Qt::FindDirectChildrenOnly));
    }

    Config m_config;
    QString m_password;
    bool m_configured = false;
    int m_idleIntervalMs = 10000;
    std::unique_ptr<EngineConnection> m_engine;
    QPointer<EventStream> m_stream;
    // Parented to the worker: moveToThread() moves children, and a timer must live in the thread that starts it.
    QTimer m_probeTimer{this};
    QTimer m_debounce{this};
};

ServiceMonitor::ServiceMonitor(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<occ::ServiceStatus>();
    m_worker = new MonitorWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &MonitorWorker::statusReady, this, &ServiceMonitor::handleStatus, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("ServiceMonitor"));
    m_thread.start();
}

ServiceMonitor::~ServiceMonitor()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void ServiceMonitor::setConfig(const Config& config, const QString& password, bool configured)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, config, password, configured]() { w->configure(config, password, configured); });
}

void ServiceMonitor::setProbeInterval(int ms)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, ms]() { w->setIdleInterval(ms); });
}

void ServiceMonitor::setUpdating(bool updating)
{
    m_updating = updating;
    if (m_hasStatus) {
        handleStatus(m_status);
    }
}

void ServiceMonitor::start()
{
    refresh();
}

void ServiceMonitor::stop()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker]() { w->stopAll(); });
}

void ServiceMonitor::refresh()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker]() { w->refresh(); });
}

void ServiceMonitor::handleStatus(const ServiceStatus& incoming)
{
    ServiceStatus status = incoming;
    if (m_updating && status.state != ServiceStatus::State::EngineUnreachable) {
        status.state = ServiceStatus::State::Updating;
    }
    if (m_hasStatus && status == m_status && status.state == m_status.state) {
        return;
    }
    m_hasStatus = true;
    m_status = status;
    Q_EMIT statusChanged(m_status);
}

} // namespace occ

#include "ServiceMonitor.moc"
