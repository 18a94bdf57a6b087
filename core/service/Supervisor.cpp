#include "core/service/Supervisor.h"

#include "core/docker/DockerClient.h"
#include "core/logging/Logging.h"
#include "core/service/ServiceController.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <optional>

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

// One supervision: start, then rounds of inspect and health probe until a stop request or giving up.
class SupervisorLoop
{
public:
    SupervisorLoop(const Config& config, ServiceController& controller, DockerClient* docker, std::atomic_bool* stop)
        : m_config(config)
        , m_controller(controller)
        , m_docker(docker)
        , m_stopRequested(stop)
        , m_watchdog(Supervisor::watchdogSettings(config))
        , m_log(Logging::get("service"))
    {
        m_clock.start();
    }

    ServiceResult<Unit> run()
    {
        if (auto failed = start()) {
            return *failed;
        }
        const qint64 intervalMs = qint64(m_config.healthProbeIntervalSeconds) * 1000;
        while (!waitOrStop(intervalMs, m_stopRequested)) {
            if (auto end = round()) {
                return *end;
            }
        }
        m_log->info("stop requested: stopping {}", m_config.containerName);
        return stop();
    }

private:
    using End = std::optional<ServiceResult<Unit>>; // set: the supervision ends with this

    End start()
    {
        m_log->info("starting {} ({})", m_config.containerName, m_controller.config().imageName);
        // A stop request cancels the start (waiting for health can take minutes): the service manager's
        // stop must not hang until its timeout and end in SIGKILL.
        auto started = m_controller.start({}, m_stopRequested);
        if (started) {
            m_log->info("opencode is up at {} after {} ms", started->url, started->elapsedMs);
            return std::nullopt;
        }
        if (m_stopRequested->load()) {
            m_log->info("stop requested while starting: stopping {}", m_config.containerName);
            return stop();
        }
        m_log->error("could not start: {}", started.error().message);
        return ServiceResult<Unit>(started.error());
    }

    End round()
    {
        auto info = m_docker->inspectContainer(m_config.containerName);
        if (!info && info.error().category() != DockerError::Category::NotFound) {
            // The engine itself is away (restarting, upgraded): wait for it, it is not opencode's fault.
            if (!m_engineDown) {
                m_log->warn("the Docker engine does not answer: {}", info.error().userMessage());
            }
            m_engineDown = true;
            return std::nullopt;
        }
        if (m_engineDown) {
            m_log->info("the Docker engine answers again");
            m_engineDown = false;
        }
        if (!info || (!info->running && !info->restarting)) {
            return containerDown(info ? QStringLiteral("the container stopped (exit code %1)").arg(info->exitCode)
                                      : QStringLiteral("the container was removed"));
        }
        if (info->restarting) {
            return std::nullopt; // Docker's restart policy is at work
        }
        return probe();
    }

    // Should run but does not: Docker's policy did not bring it back (docker kill, removal, policy "no").
    End containerDown(const QString& why)
    {
        const int maxRestarts = m_watchdog.settings().maxRestarts;
        if (m_watchdog.restartsInWindow(m_clock.elapsed()) >= maxRestarts) {
            const QString reason = QStringLiteral("%1, and it was restarted %2 times within %3 s already; giving up")
                                       .arg(why)
                                       .arg(maxRestarts)
                                       .arg(m_config.restartWindowSeconds);
            m_log->error("{}", reason);
            return ServiceResult<Unit>(ServiceError(ServiceError::Kind::Health, reason));
        }
        restart(why); // a failed restart is retried on the next round, within the circuit breaker
        return std::nullopt;
    }

    End probe()
    {
        const HealthProbe::Result probe = m_controller.probe(3000);
        switch (m_watchdog.observe(probe.healthy(), m_clock.elapsed())) {
        case Watchdog::Action::None:
            if (!probe.healthy()) {
                m_log->warn("health probe failed ({}/{}): {}", m_watchdog.consecutiveFailures(),
                            m_config.healthFailureThreshold,
                            probe.answered ? QStringLiteral("HTTP %1").arg(probe.httpStatus) : probe.error);
            }
            return std::nullopt;
        case Watchdog::Action::Restart:
            restart(QStringLiteral("%1 failed health probes in a row (hung)").arg(m_watchdog.consecutiveFailures()));
            return std::nullopt;
        case Watchdog::Action::GiveUp:
            break;
        }
        m_log->error("{}", m_watchdog.reason());
        // Do not leave a hung container holding the port: the service is failed, so is the container, and
        // the service manager's next attempt starts it afresh.
        auto stopped = m_controller.stop();
        if (!stopped) {
            m_log->error("could not stop the hung container: {}", stopped.error().message);
        }
        return ServiceResult<Unit>(ServiceError(ServiceError::Kind::Health, m_watchdog.reason()));
    }

    void restart(const QString& why)
    {
        m_log->warn("restarting opencode: {}", why);
        m_watchdog.restarted(m_clock.elapsed());
        auto restarted = m_controller.restart({}, m_stopRequested); // a stop request ends the wait
        if (!restarted) {
            m_log->error("restart failed: {}", restarted.error().message);
            return;
        }
        m_log->info("opencode is back after {} ms", restarted->elapsedMs);
    }

    ServiceResult<Unit> stop()
    {
        auto stopped = m_controller.stop();
        if (!stopped) {
            m_log->error("could not stop: {}", stopped.error().message);
            return stopped.error();
        }
        m_log->info("stopped");
        return Unit{};
    }

    const Config& m_config;
    ServiceController& m_controller;
    DockerClient* m_docker;
    std::atomic_bool* m_stopRequested;
    Watchdog m_watchdog;
    std::shared_ptr<spdlog::logger> m_log;
    QElapsedTimer m_clock;
    bool m_engineDown = false;
};

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
    ServiceController controller(m_config, m_password, m_docker);
    return SupervisorLoop(m_config, controller, m_docker, stopRequested).run();
}

} // namespace occ
