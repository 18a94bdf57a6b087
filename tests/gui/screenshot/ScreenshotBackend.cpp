#include "gui/screenshot/ScreenshotBackend.h"

#include "core/service/ServiceSpec.h"

namespace occ {

namespace {
constexpr int BuildSteps = 8;
}

ScreenshotBackend::ScreenshotBackend(QObject* parent)
    : SetupBackend(parent)
{
    m_timer.setInterval(30);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_step;
        ServiceProgress p;
        if (m_step <= BuildSteps) {
            p.phase = ServiceProgress::Phase::Build;
            p.step = m_step;
            p.totalSteps = BuildSteps;
            p.text = QStringLiteral("Step %1/%2 : RUN install opencode").arg(m_step).arg(BuildSteps);
            Q_EMIT progress(p);
            return;
        }
        if (m_step == BuildSteps + 1) {
            p.phase = ServiceProgress::Phase::Step;
            p.text = QStringLiteral("Created container %1").arg(m_config.containerName);
            Q_EMIT progress(p);
            return;
        }
        if (m_step == BuildSteps + 2) {
            p.phase = ServiceProgress::Phase::Waiting;
            p.text = QStringLiteral("Waiting for opencode to answer on %1").arg(ServiceSpec::probeUrl(m_config));
            Q_EMIT progress(p);
            return;
        }
        m_timer.stop();
        ServiceOutcome done;
        done.url = ServiceSpec::url(m_config);
        Q_EMIT serviceFinished(done);
    });
}

Result<Config, ConfigErrors> ScreenshotBackend::saveConfig(const SetupChoices& choices)
{
    m_config = choices.applyTo(Config());
    return m_config;
}

Result<Unit, ConfigError> ScreenshotBackend::savePassword(const QString& password)
{
    m_password = password;
    return Unit{};
}

void ScreenshotBackend::startService(const Config& config, const QString&)
{
    m_config = config;
    m_step = 0;
    m_timer.start();
}

void ScreenshotBackend::cancel()
{
    m_timer.stop();
    ServiceOutcome cancelled;
    cancelled.error = ServiceError(ServiceError::Kind::Cancelled, QStringLiteral("Cancelled."));
    Q_EMIT serviceFinished(cancelled);
}

} // namespace occ
