#include "core/service/StatusReader.h"

#include "core/docker/DockerClient.h"
#include "core/service/HealthProbe.h"
#include "core/service/HealthWaiter.h"
#include "core/service/ServiceSpec.h"

#include <optional>

namespace occ {
namespace {

ServiceStatus::EngineProblem engineProblem(DockerError::Category category)
{
    switch (category) {
    case DockerError::Category::PermissionDenied:
        return ServiceStatus::EngineProblem::PermissionDenied;
    case DockerError::Category::NoEngine:
        return ServiceStatus::EngineProblem::NotRunning;
    default:
        return ServiceStatus::EngineProblem::Other;
    }
}

} // namespace

StatusReader::StatusReader(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

ServiceStatus StatusReader::read()
{
    ServiceStatus s;
    s.url = ServiceSpec::url(m_config);
    s.image = ServiceSpec::imageRef(m_config);
    // Connects now, sends nothing yet (see the class comment).
    std::optional<HealthProbe> early;
    if (!m_config.frontDoorEnabled) {
        early.emplace(ServiceSpec::probeUrl(m_config));
    }
    auto answer = m_docker->pingAndInspect(m_config.containerName);
    if (!answer.ping) {
        s.state = ServiceStatus::State::EngineUnreachable;
        s.reason = ServiceStatus::Reason::EngineError;
        s.engineError = answer.ping.error();
        s.engineProblem = engineProblem(answer.ping.error().category());
        return s;
    }
    const DockerResult<ContainerInfo>& info = answer.container;
    if (!info) {
        s.state = ServiceStatus::State::Stopped;
        if (info.error().category() == DockerError::Category::NotFound) {
            s.reason = ServiceStatus::Reason::NotCreated;
        } else {
            s.reason = ServiceStatus::Reason::EngineError;
            s.engineError = info.error();
        }
        return s;
    }
    const ContainerInfo& c = info.value();
    s.containerId = c.id;
    s.restartCount = c.restartCount;
    s.exitCode = c.exitCode;
    s.opencodeVersion = m_config.opencodeVersion;
    if (c.restarting) {
        s.state = ServiceStatus::State::Restarting;
        s.reason = ServiceStatus::Reason::CrashLoop;
        return s;
    }
    if (!c.running) {
        s.state = ServiceStatus::State::Stopped;
        s.reason = ServiceStatus::Reason::Exited;
        s.engineText = c.status;
        return s;
    }
    s.startedAt = c.startedAt;
    readHealth(c, early ? &*early : nullptr, &s);
    return s;
}

void StatusReader::readHealth(const ContainerInfo& c, HealthProbe* early, ServiceStatus* s) const
{
    if (c.health == QLatin1String("unhealthy")) {
        // Docker's restart policy never acts on this: say it plainly.
        s->state = ServiceStatus::State::Unhealthy;
        s->reason = ServiceStatus::Reason::HealthCheckFailing;
        return;
    }
    const HealthProbe::Result r = early ? early->request(m_config.username, m_password, 2000)
                                        : HealthWaiter(m_config, m_password, m_docker).probe(2000);
    if (r.healthy()) {
        s->state = ServiceStatus::State::Healthy;
        return;
    }
    // The engine's check passed recently and ours did not: report what we saw.
    s->state = c.health == QLatin1String("healthy") ? ServiceStatus::State::Unhealthy : ServiceStatus::State::Starting;
    if (r.answered) {
        s->reason = ServiceStatus::Reason::HealthHttpStatus;
        s->httpStatus = r.httpStatus;
    } else {
        s->reason = ServiceStatus::Reason::HealthNoAnswer;
        s->engineText = r.error;
    }
}

} // namespace occ
