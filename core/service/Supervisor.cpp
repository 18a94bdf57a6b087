#include "core/service/Supervisor.h"

#include "core/docker/DockerClient.h"
#include "core/logging/Logging.h"
#include "core/service/ServiceController.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace occ {
namespace {

// Waits up to ms, returning early when a stop is requested; the event loop keeps running meanwhile.
bool waitOrStop(qint64 ms, std::atomic_bool* stop)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (stop->load()) {
            return true;
        }
        QEventLoop loop;
        QTimer::singleShot(static_cast<int>(std::min<qint64>(100, ms - t.elapsed())), &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return stop->load();
}

} // namespace

Supervisor::Supervisor(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

Watchdog::Settings Supervisor::watchdogSettings(const Config& config)
{
    Watchdog::Settings s;
    s.failureThreshold = config.healthFailureThreshold;
    s.maxRestarts = std::max(1, config.restartMaxRetries);
    s.windowMs = qint64(config.restartWindowSeconds) * 1000;
    s.baseDelayMs = qint64(config.restartDelaySeconds) * 1000;
    return s;
}

ServiceResult<Unit> Supervisor::run(std::atomic_bool* stopRequested)
{
    auto log = Logging::get("service");
    ServiceController controller(m_config, m_password, m_docker);
    QElapsedTimer clock;
    clock.start();

    log->info("starting {} ({})", m_config.containerName, controller.config().imageName);
    // A stop request cancels the start (waiting for health can take minutes): the service manager's
    // stop must not hang until its timeout and end in SIGKILL.
    auto started = controller.start({}, stopRequested);
    if (!started) {
        if (stopRequested->load()) {
            log->info("stop requested while starting: stopping {}", m_config.containerName);
            auto stopped = controller.stop();
            if (!stopped) {
                log->error("could not stop: {}", stopped.error().message);
                return stopped.error();
            }
            return Unit{};
        }
        log->error("could not start: {}", started.error().message);
        return started.error();
    }
    log->info("opencode is up at {} after {} ms", started->url, started->elapsedMs);

    Watchdog watchdog(watchdogSettings(m_config));
    const qint64 intervalMs = qint64(m_config.healthProbeIntervalSeconds) * 1000;
    bool engineDown = false;

    auto restartService = [&](const QString& why) -> ServiceResult<Unit> {
        log->warn("restarting opencode: {}", why);
        watchdog.restarted(clock.elapsed());
        auto r = controller.restart({}, stopRequested); // a stop request ends the wait, the loop then stops
        if (!r) {
            log->error("restart failed: {}", r.error().message);
            return r.error();
        }
        log->info("opencode is back after {} ms", r->elapsedMs);
        return Unit{};
    };

    while (!waitOrStop(intervalMs, stopRequested)) {
        auto info = m_docker->inspectContainer(m_config.containerName);
        if (!info && info.error().category() != DockerError::Category::NotFound) {
            // The engine itself is away (restarting, upgraded): wait for it, it is not opencode's fault.
            if (!engineDown) {
                log->warn("the Docker engine does not answer: {}", info.error().userMessage());
            }
            engineDown = true;
            continue;
        }
        if (engineDown) {
            log->info("the Docker engine answers again");
            engineDown = false;
        }
        const bool missing = !info;
        if (missing || (!info->running && !info->restarting)) {
            // Should run but does not: Docker's policy did not bring it back (docker kill, removal, policy "no").
            const QString why = missing ? QStringLiteral("the container was removed")
                                        : QStringLiteral("the container stopped (exit code %1)").arg(info->exitCode);
            if (watchdog.restartsInWindow(clock.elapsed()) >= watchdogSettings(m_config).maxRestarts) {
                const QString reason =
                    QStringLiteral("%1, and it was restarted %2 times within %3 s already; giving up")
                        .arg(why)
                        .arg(watchdogSettings(m_config).maxRestarts)
                        .arg(m_config.restartWindowSeconds);
                log->error("{}", reason);
                return ServiceError(ServiceError::Kind::Health, reason);
            }
            auto r = restartService(why);
            Q_UNUSED(r) // a failed restart is retried on the next round, within the circuit breaker
            continue;
        }
        if (info->restarting) {
            continue; // Docker's restart policy is at work
        }
        const HealthProbe::Result probe = controller.probe(3000);
        switch (watchdog.observe(probe.healthy(), clock.elapsed())) {
        case Watchdog::Action::None:
            if (!probe.healthy()) {
                log->warn("health probe failed ({}/{}): {}", watchdog.consecutiveFailures(),
                          m_config.healthFailureThreshold,
                          probe.answered ? QStringLiteral("HTTP %1").arg(probe.httpStatus) : probe.error);
            }
            break;
        case Watchdog::Action::Restart:
            restartService(
                QStringLiteral("%1 failed health probes in a row (hung)").arg(watchdog.consecutiveFailures()));
            break;
        case Watchdog::Action::GiveUp: {
            log->error("{}", watchdog.reason());
            // Do not leave a hung container holding the port: the service is failed, so is the
            // container, and the service manager's next attempt starts it afresh.
            auto stopped = controller.stop();
            if (!stopped) {
                log->error("could not stop the hung container: {}", stopped.error().message);
            }
            return ServiceError(ServiceError::Kind::Health, watchdog.reason());
        }
        }
    }

    log->info("stop requested: stopping {}", m_config.containerName);
    auto stopped = controller.stop();
    if (!stopped) {
        log->error("could not stop: {}", stopped.error().message);
        return stopped.error();
    }
    log->info("stopped");
    return Unit{};
}

} // namespace occ
