#include "core/osservice/RetryPolicy.h"

#include <QStringList>
#include <algorithm>

namespace occ {

namespace {
const QString No = QStringLiteral("no");
const QString Always = QStringLiteral("always");
const QString UnlessStopped = QStringLiteral("unless-stopped");
const QString OnFailure = QStringLiteral("on-failure");
} // namespace

RetryPolicy::RetryPolicy(const RestartSettings& settings)
    : m_settings(settings)
{
    if (!isValidPolicy(m_settings.policy)) {
        m_settings.policy = OnFailure;
    }
    m_settings.maxRetries = std::max(0, m_settings.maxRetries);
    // A zero delay would let a crash loop spin at full speed under every service manager.
    m_settings.delaySeconds = std::max(1, m_settings.delaySeconds);
    m_settings.windowSeconds = std::max(1, m_settings.windowSeconds);
}

QStringList RetryPolicy::policyNames()
{
    return {No, Always, UnlessStopped, OnFailure};
}

bool RetryPolicy::isValidPolicy(const QString& name)
{
    return policyNames().contains(name);
}

bool RetryPolicy::limited() const
{
    // Docker honours MaximumRetryCount only for on-failure; the other platforms follow it so that
    // "always" means the same thing everywhere.
    return m_settings.policy == OnFailure && m_settings.maxRetries > 0;
}

DockerRestartPolicy RetryPolicy::docker() const
{
    // The engine rejects a non-zero MaximumRetryCount with any policy other than on-failure.
    return {m_settings.policy, m_settings.policy == OnFailure ? m_settings.maxRetries : 0};
}

SystemdRestart RetryPolicy::systemd() const
{
    SystemdRestart r;
    if (m_settings.policy == No) {
        r.restart = No;
    } else if (m_settings.policy == OnFailure) {
        r.restart = OnFailure;
    } else {
        // systemd never restarts a unit that was stopped with `systemctl stop`, so "always" and
        // "unless-stopped" are the same thing here.
        r.restart = Always;
    }
    r.restartSec = m_settings.delaySeconds;
    if (limited()) {
        // The start limit counts the first start too: N retries are N + 1 starts in the window.
        r.startLimitBurst = m_settings.maxRetries + 1;
        r.startLimitIntervalSec = m_settings.windowSeconds;
    } else {
        r.startLimitBurst = 0;
        r.startLimitIntervalSec = 0;
    }
    return r;
}

LaunchdRestart RetryPolicy::launchd() const
{
    LaunchdRestart r;
    r.keepAlive = m_settings.policy != No;
    r.onlyAfterFailure = m_settings.policy == OnFailure;
    // launchd's minimum time between two spawns; it has no retry counter, so maxRetries cannot
    // be honoured here (the README table says so).
    r.throttleInterval = m_settings.delaySeconds;
    return r;
}

WindowsRecovery RetryPolicy::windows() const
{
    WindowsRecovery r;
    if (m_settings.policy == No) {
        return r;
    }
    // SCM has no backoff; double the delay per failure like the Docker engine does, up to a cap.
    const int cap = std::max(m_settings.delaySeconds, MaxWindowsDelaySeconds);
    qint64 delay = m_settings.delaySeconds;
    if (limited()) {
        for (int i = 0; i < m_settings.maxRetries; ++i) {
            r.restartDelaysMs.append(int(delay * 1000));
            delay = std::min<qint64>(delay * 2, cap);
        }
        r.stopAfterLastRestart = true;
    } else {
        // The last action repeats for ever, so the list ends once the cap is reached.
        while (true) {
            r.restartDelaysMs.append(int(delay * 1000));
            if (delay >= cap) {
                break;
            }
            delay = std::min<qint64>(delay * 2, cap);
        }
    }
    // SCM counts only crashes as failures unless this flag is set; `occ run` reports a failure by
    // stopping with a non-zero exit code, and "always" must restart after a clean exit too.
    r.actOnNonCrashFailures = true;
    r.resetPeriodSeconds = m_settings.windowSeconds;
    return r;
}

QString RetryPolicy::markdownTable(const RestartSettings& example)
{
    QStringList lines;
    lines << QStringLiteral(
                 "Restart settings for this example: `maxRetries` %1, `delaySeconds` %2, `windowSeconds` %3.")
                 .arg(example.maxRetries)
                 .arg(example.delaySeconds)
                 .arg(example.windowSeconds);
    lines << QString();
    lines << QStringLiteral("| `restart.policy` | Docker (container) | systemd (`occ run`) | launchd (`occ run`) "
                            "| Windows SCM (`occ run`) |");
    lines << QStringLiteral("|---|---|---|---|---|");
    for (const QString& name : policyNames()) {
        RestartSettings s = example;
        s.policy = name;
        const RetryPolicy p(s);

        const DockerRestartPolicy d = p.docker();
        QString docker = QStringLiteral("`%1`").arg(d.name);
        if (d.name == OnFailure) {
            docker += d.maximumRetryCount > 0 ? QStringLiteral(", MaximumRetryCount %1").arg(d.maximumRetryCount)
                                              : QStringLiteral(", no retry limit");
        }

        const SystemdRestart sd = p.systemd();
        QString systemd = QStringLiteral("`Restart=%1`").arg(sd.restart);
        if (sd.restart != No) {
            systemd += QStringLiteral(", `RestartSec=%1`").arg(sd.restartSec);
            systemd += sd.startLimitIntervalSec > 0
                ? QStringLiteral(", `StartLimitBurst=%1`, `StartLimitIntervalSec=%2`")
                      .arg(sd.startLimitBurst)
                      .arg(sd.startLimitIntervalSec)
                : QStringLiteral(", `StartLimitIntervalSec=0` (no limit)");
        }

        const LaunchdRestart ld = p.launchd();
        QString launchd;
        if (!ld.keepAlive) {
            launchd = QStringLiteral("no `KeepAlive`");
        } else {
            launchd = ld.onlyAfterFailure ? QStringLiteral("`KeepAlive` = {`SuccessfulExit` = false}")
                                          : QStringLiteral("`KeepAlive` = true");
            launchd += QStringLiteral(", `ThrottleInterval` %1").arg(ld.throttleInterval);
            if (ld.onlyAfterFailure && example.maxRetries > 0) {
                launchd += QStringLiteral(" (launchd has no retry limit)");
            }
        }

        const WindowsRecovery w = p.windows();
        QString windows;
        if (w.restartDelaysMs.isEmpty()) {
            windows = QStringLiteral("no recovery actions");
        } else {
            QStringList delays;
            for (int ms : w.restartDelaysMs) {
                delays << QString::number(ms / 1000.0) + QStringLiteral(" s");
            }
            windows = QStringLiteral("restart after %1").arg(delays.join(QStringLiteral(", ")));
            windows += w.stopAfterLastRestart ? QStringLiteral(", then none")
                                              : QStringLiteral(", then every %1").arg(delays.last());
            windows += QStringLiteral("; count resets after %1 s").arg(w.resetPeriodSeconds);
        }

        lines << QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |").arg(name, docker, systemd, launchd, windows);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace occ
