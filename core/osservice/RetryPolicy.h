#pragma once

#include <QList>
#include <QString>

namespace occ {

// The config's restart settings, as the user writes them. The same four values drive Docker's
// restart policy for the container and the OS service manager's restarts of `occ run`.
struct RestartSettings
{
    QString policy = QStringLiteral("on-failure"); // no | always | unless-stopped | on-failure
    int maxRetries = 5; // on-failure only; 0 means no limit, as in Docker
    int delaySeconds = 5;
    int windowSeconds = 300;
};

// Docker's HostConfig.RestartPolicy.
struct DockerRestartPolicy
{
    QString name;
    int maximumRetryCount = 0;
};

// systemd: Restart= and RestartSec= in [Service], StartLimit*= in [Unit].
struct SystemdRestart
{
    QString restart;
    int restartSec = 0;
    int startLimitBurst = 0;
    int startLimitIntervalSec = 0; // 0 turns the start rate limit off
};

// launchd: KeepAlive is either absent (keepAlive false), true (always), or a dict with
// SuccessfulExit=false (restart only after a failure). launchd has no retry limit.
struct LaunchdRestart
{
    bool keepAlive = false;
    bool onlyAfterFailure = false; // KeepAlive = { SuccessfulExit = false }
    int throttleInterval = 0;
};

// Windows SCM failure actions: one restart per entry, the last entry repeats for every later
// failure (SCM semantics), so a limited policy ends with a "none" action.
struct WindowsRecovery
{
    QList<int> restartDelaysMs;
    bool stopAfterLastRestart = false; // append SC_ACTION_NONE after the restarts
    bool actOnNonCrashFailures = false; // SERVICE_CONFIG_FAILURE_ACTIONS_FLAG
    int resetPeriodSeconds = 0;
};

// One source of truth for what the restart settings mean on each platform. The README's table is
// rendered by markdownTable(), so the documentation cannot drift from the code.
class RetryPolicy
{
public:
    explicit RetryPolicy(const RestartSettings& settings);

    static QStringList policyNames();
    static bool isValidPolicy(const QString& name);

    // Out-of-range values are clamped, an unknown policy falls back to on-failure (the config
    // validator reports it; rendering must still produce something safe).
    const RestartSettings& settings() const { return m_settings; }

    DockerRestartPolicy docker() const;
    SystemdRestart systemd() const;
    LaunchdRestart launchd() const;
    WindowsRecovery windows() const;

    // Longest delay between two Windows restarts: SCM has no backoff of its own, we double the
    // delay per attempt and stop doubling here.
    static constexpr int MaxWindowsDelaySeconds = 300;

    static QString markdownTable(const RestartSettings& example = RestartSettings());

private:
    bool limited() const;

    RestartSettings m_settings;
};

} // namespace occ
