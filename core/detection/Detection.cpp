#include "core/detection/Detection.h"

#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/docker/ApiVersion.h"
#include "core/docker/DockerClient.h"
#include "core/docker/DockerError.h"
#include "core/service/EngineConnection.h"
#include "core/service/PortProbe.h"
#include "core/service/ServiceSpec.h"
#include "core/transport/DockerEndpoint.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <memory>

namespace occ {

namespace {

DetectionResult::Engine engineFromError(const DockerError& error, const DockerEndpoint& endpoint)
{
    switch (error.category()) {
    case DockerError::Category::PermissionDenied:
        return DetectionResult::Engine::PermissionDenied;
    case DockerError::Category::ApiVersion:
        return DetectionResult::Engine::TooOld;
    case DockerError::Category::NoEngine:
        // A missing local socket and no docker binary: nothing is installed. A socket nobody answers on,
        // or a docker CLI without a daemon: installed but not running.
        if (endpoint.kind == DockerEndpoint::Kind::Unix && !QFileInfo::exists(endpoint.address)
            && QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty()
            && QStandardPaths::findExecutable(QStringLiteral("dockerd")).isEmpty()) {
            return DetectionResult::Engine::NotInstalled;
        }
        return DetectionResult::Engine::NotRunning;
    default:
        return DetectionResult::Engine::Other;
    }
}

} // namespace

Detection::Detection(QObject* parent)
    : QObject(parent)
    , m_configPath(ConfigPaths::configFile())
    , m_engineProbe(&Detection::probeEngine)
    , m_portCheck(&PortProbe::isFree)
{
    qRegisterMetaType<DetectionResult>();
}

Detection::~Detection()
{
    if (m_thread) {
        m_thread->wait();
    }
}

void Detection::probeEngine(const Config& config, DetectionResult& result)
{
    EngineConnection engine(config);
    if (!engine.isValid()) {
        result.engine = DetectionResult::Engine::Other;
        result.engineDetail = engine.error();
        return;
    }
    const DockerEndpoint& endpoint = engine.endpoint();
    result.endpoint = endpoint.toUrlString();
    DockerClient& docker = *engine.client();
    const DockerResult<EngineVersion> version = docker.version();
    if (!version) {
        result.engine = engineFromError(version.error(), endpoint);
        result.engineDetail = version.error().userMessage();
        result.engineError = version.error();
        return;
    }
    const DockerResult<QString> api = docker.negotiateApiVersion();
    if (!api) {
        result.engine = engineFromError(api.error(), endpoint);
        result.engineDetail = api.error().userMessage();
        result.engineError = api.error();
        return;
    }
    result.engine = DetectionResult::Engine::Reachable;
    result.engineVersion = version->version;
    result.apiVersion = api.value();

    const DockerResult<ContainerInfo> container = docker.inspectContainer(config.containerName);
    if (container) {
        result.containerExists = true;
        result.containerRunning = container->running;
        result.containerState = container->status;
        result.containerForeign =
            container->labels.value(QString::fromLatin1(ServiceSpec::ManagedLabel)) != QLatin1String("true");
    }
    const DockerResult<QVector<VolumeInfo>> volumes =
        docker.listVolumes({QString::fromLatin1(ServiceSpec::ManagedLabel)});
    if (volumes) {
        for (const VolumeInfo& volume : volumes.value()) {
            if (volume.name.startsWith(config.volumePrefix + QLatin1Char('-'))) {
                result.volumes.append(volume.name);
            }
        }
        result.volumes.sort();
    }
}

void Detection::checkConfig(DetectionResult& result) const
{
    result.configPath = m_configPath;
    ConfigStore store(m_configPath);
    result.configExists = store.exists();
    if (result.configExists) {
        const auto loaded = store.load();
        if (!loaded) {
            result.configProblem = toString(loaded.error());
        }
    }
}

void Detection::checkPort(DetectionResult& result) const
{
    result.port = m_config.port;
    result.portHeldByService = false;
    result.portHolder.clear();
    result.suggestedPort = 0;
    result.portFree = m_portCheck(m_config.bind, m_config.port);
    if (result.portFree) {
        return;
    }
    // Our own running container publishing the port is what a re-run of setup expects to see.
    result.portHeldByService = result.containerRunning && !result.containerForeign;
    if (!result.portHeldByService) {
        result.portHolder = PortProbe::holder(m_config.port);
        for (int candidate = m_config.port + 1; candidate < m_config.port + 100 && candidate <= 65535; ++candidate) {
            if (m_portCheck(m_config.bind, candidate)) {
                result.suggestedPort = candidate;
                break;
            }
        }
    }
}

DetectionResult Detection::detectNow() const
{
    DetectionResult result;
    checkConfig(result);
    if (m_engineProbe) {
        m_engineProbe(m_config, result);
    }
    checkPort(result);
    return result;
}

void Detection::run()
{
    if (m_running) {
        return;
    }
    m_running = true;
    Q_EMIT started();
    auto shared = std::make_shared<DetectionResult>();
    // The worker gets copies: this object may change its config while the thread runs.
    QThread* thread = QThread::create(
        [shared, path = m_configPath, config = m_config, probe = m_engineProbe, portCheck = m_portCheck] {
            Detection worker;
            worker.setConfigPath(path);
            worker.setConfig(config);
            worker.setEngineProbe(probe);
            worker.setPortCheck(portCheck);
            *shared = worker.detectNow();
        });
    m_thread = thread;
    connect(thread, &QThread::finished, this, [this, thread, shared] {
        thread->deleteLater();
        m_running = false;
        m_result = *shared;
        Q_EMIT finished(m_result);
    });
    thread->start();
}

} // namespace occ
