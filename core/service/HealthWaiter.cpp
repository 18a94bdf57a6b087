#include "core/service/HealthWaiter.h"

#include "core/docker/DockerClient.h"
#include "core/frontdoor/FrontDoor.h"
#include "core/service/ServiceSpec.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace occ {
namespace {

// Sleeps while the event loop keeps running (replies of other objects still progress).
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

HealthWaiter::HealthWaiter(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

HealthProbe::Result HealthWaiter::probe(int timeoutMs) const
{
    if (m_config.frontDoorEnabled) {
        // opencode has no published port then: ask what a load balancer asks.
        HealthProbe::Result r;
        r.httpStatus = FrontDoor::probeHealthz(m_config.frontDoorHttpPort, timeoutMs, &r.error);
        r.answered = r.httpStatus > 0;
        return r;
    }
    return HealthProbe::probe(ServiceSpec::probeUrl(m_config), m_config.username, m_password, timeoutMs);
}

ServiceResult<Unit> HealthWaiter::wait(const QString& containerId, const ServiceProgress::Fn& progress,
                                       std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 limitMs = qint64(m_config.healthTimeoutSeconds) * 1000;
    int interval = FirstIntervalMs;
    while (true) {
        // Reported on every round so a spinner can turn; plain-line front ends print it once.
        ServiceProgress::report(progress, ServiceProgress::Phase::Waiting,
                                QStringLiteral("Waiting for opencode to answer"));
        if (cancel && cancel->load()) {
            return ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled."));
        }
        auto info = m_docker->inspectContainer(containerId);
        if (!info) {
            return ServiceError::fromDocker(info.error(), QStringLiteral("Lost the container while it started"));
        }
        const ContainerInfo& c = info.value();
        if (!c.running && !c.restarting) {
            return ServiceError(ServiceError::Kind::Health,
                                QStringLiteral("The service stopped while starting (exit code %1).").arg(c.exitCode),
                                {}, {Hint::showLogs(50)});
        }
        // A short timeout: a request in opencode's first second can hang forever.
        if (c.running && !c.restarting && probe(1500).healthy()) {
            return Unit{};
        }
        if (timer.elapsed() > limitMs) {
            return ServiceError(
                ServiceError::Kind::Health,
                QStringLiteral("The service did not become healthy within %1 s.").arg(m_config.healthTimeoutSeconds),
                {},
                {Hint::showLogs(50),
                 Hint::fixConfigKey(QStringLiteral("health.start_timeout_seconds"),
                                    QString::number(m_config.healthTimeoutSeconds * 2))});
        }
        pause(interval);
        interval = std::min(interval * 2, LongestIntervalMs);
    }
}

} // namespace occ
