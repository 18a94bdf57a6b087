#include "core/detection/Diagnosis.h"

#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/detection/ConfigWarning.h"
#include "core/docker/DockerClient.h"
#include "core/logging/Logging.h"
#include "core/service/EngineConnection.h"
#include "core/service/PortProbe.h"
#include "core/service/ServiceController.h"
#include "core/service/ServiceSpec.h"

#include <QFileInfo>

#include <optional>

namespace occ {

QString DiagnosisCheck::idName(Id id)
{
    switch (id) {
    case Id::Config:
        return QStringLiteral("config");
    case Id::Password:
        return QStringLiteral("password");
    case Id::Engine:
        return QStringLiteral("engine");
    case Id::Image:
        return QStringLiteral("image");
    case Id::Service:
        return QStringLiteral("service");
    case Id::Port:
        return QStringLiteral("port");
    case Id::Settings:
        return QStringLiteral("settings");
    }
    return {};
}

namespace {

using Id = DiagnosisCheck::Id;
using Status = DiagnosisCheck::Status;
using Cause = DiagnosisCheck::Cause;

struct Checks
{
    QVector<DiagnosisCheck> list;
    void add(Id id, Status status, Cause cause, QStringList args = {}, DockerError docker = {})
    {
        list.append({id, status, cause, std::move(args), std::move(docker)});
    }
};

// A missing config is the defaults (and a failure: nothing is set up); a broken one ends the diagnosis.
std::optional<Config> checkConfig(const QString& path, Checks* checks)
{
    ConfigStore store(path);
    const bool setUp = store.exists();
    const auto loaded = store.load();
    if (!loaded) {
        checks->add(Id::Config, Status::Fail, Cause::ConfigInvalid, {path, toString(loaded.error())});
        return std::nullopt;
    }
    checks->add(Id::Config, setUp ? Status::Ok : Status::Fail, setUp ? Cause::ConfigLoaded : Cause::ConfigMissing,
                {path});
    // Settings that are valid but do nothing (they need no engine to tell).
    for (const ConfigWarning& warning : ConfigWarning::check(loaded.value())) {
        if (warning.kind == ConfigWarning::Kind::TlsWithoutFrontDoor) {
            checks->add(Id::Settings, Status::Warn, Cause::TlsWithoutFrontDoor, {warning.value});
        }
    }
    return loaded.value();
}

// Returns the password, empty when there is none or it cannot be read.
QString checkPassword(const Config& config, const QString& configPath, Checks* checks)
{
    const QString credentialsPath = ConfigPaths::credentialsFile(configPath);
    const auto pw = FileCredentialStore(credentialsPath).password();
    if (!pw) {
        checks->add(Id::Password, Status::Fail, Cause::PasswordUnreadable, {pw.error().toString()});
        return {};
    }
    if (pw->isEmpty()) {
        if (ServiceSpec::isLoopback(config.bind)) {
            checks->add(Id::Password, Status::Warn, Cause::PasswordNone);
        } else {
            checks->add(Id::Password, Status::Fail, Cause::PasswordNonePublic, {config.bind});
        }
        return {};
    }
    Logging::addSecret(pw.value());
    const QFileInfo file(credentialsPath);
    const bool privateFile =
        !(file.permissions()
          & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    checks->add(Id::Password, privateFile ? Status::Ok : Status::Fail,
                privateFile ? Cause::PasswordSet : Cause::PasswordFileOpen, {credentialsPath});
    return pw.value();
}

// The same endpoint resolution as every other engine user. False: the engine cannot be used.
bool checkEngine(EngineConnection& engine, Checks* checks)
{
    if (!engine.isValid()) {
        checks->add(Id::Engine, Status::Fail, Cause::EngineUnresolved, {engine.error()});
        return false;
    }
    const auto version = engine.client()->version(); // negotiates first, within the probe timeout
    if (!version) {
        checks->add(Id::Engine, Status::Fail, Cause::EngineUnavailable, {engine.endpoint().toUrlString()},
                    version.error());
        return false;
    }
    checks->add(Id::Engine, Status::Ok, Cause::EngineReachable,
                {version->version, engine.endpoint().toUrlString(), engine.client()->apiVersion()});
    return true;
}

void checkImage(DockerClient& docker, const Config& config, Checks* checks)
{
    const QString ref = ServiceSpec::imageRef(config);
    const auto image = docker.imageExists(ref);
    if (!image) {
        checks->add(Id::Image, Status::Fail, Cause::ImageError, {ref}, image.error());
    } else {
        checks->add(Id::Image, image.value() ? Status::Ok : Status::Warn,
                    image.value() ? Cause::ImageBuilt : Cause::ImageMissing, {ref});
    }
}

// The container; what it found feeds the port check (our own running container may hold the port).
DetectionResult checkService(DockerClient& docker, const Config& config, const QString& password, Checks* checks)
{
    DetectionResult found;
    const auto info = docker.inspectContainer(config.containerName);
    if (!info) {
        if (info.error().category() == DockerError::Category::NotFound) {
            checks->add(Id::Service, Status::Warn, Cause::ServiceNoContainer);
        } else {
            checks->add(Id::Service, Status::Fail, Cause::ServiceError, {config.containerName}, info.error());
        }
        return found;
    }
    found.containerExists = true;
    found.containerRunning = info->running;
    found.containerForeign =
        info->labels.value(QString::fromLatin1(ServiceSpec::ManagedLabel)) != QLatin1String("true");
    if (found.containerForeign) {
        checks->add(Id::Service, Status::Fail, Cause::ServiceForeign, {config.containerName});
        return found;
    }
    ServiceController controller(config, password, &docker);
    const ServiceStatus s = controller.status();
    if (s.state == ServiceStatus::State::Healthy) {
        checks->add(Id::Service, Status::Ok, Cause::ServiceHealthy, {s.url});
    } else if (s.state == ServiceStatus::State::Stopped) {
        checks->add(Id::Service, Status::Warn, Cause::ServiceStopped);
    } else {
        checks->add(Id::Service, Status::Fail, Cause::ServiceUnwell, {ServiceStatus::stateName(s.state), s.detail});
    }
    return found;
}

void checkPort(const Config& config, DetectionResult found, const Detection::PortCheck& portCheck, Checks* checks)
{
    Detection detection;
    detection.setConfig(config);
    detection.setPortCheck(portCheck);
    detection.checkPort(found);
    const QString port = QString::number(config.port);
    if (found.portFree) {
        checks->add(Id::Port, Status::Ok, Cause::PortFree, {config.bind, port});
    } else if (found.portHeldByService) {
        checks->add(Id::Port, Status::Ok, Cause::PortPublished, {config.bind, port});
    } else {
        checks->add(Id::Port, Status::Fail, Cause::PortTaken,
                    {config.bind, port, found.portHolder, QString::number(found.suggestedPort)});
    }
}

} // namespace

Diagnosis::Diagnosis(QString configPath)
    : m_configPath(std::move(configPath))
    , m_portCheck(&PortProbe::isFree)
{ }

QVector<DiagnosisCheck> Diagnosis::run() const
{
    Checks checks;
    const auto config = checkConfig(m_configPath, &checks);
    if (!config) {
        return checks.list;
    }
    const QString password = checkPassword(*config, m_configPath, &checks);
    EngineConnection engine(*config);
    if (!checkEngine(engine, &checks)) {
        return checks.list;
    }
    DockerClient& docker = *engine.client();
    checkImage(docker, *config, &checks);
    const DetectionResult found = checkService(docker, *config, password, &checks);
    checkPort(*config, found, m_portCheck, &checks);
    return checks.list;
}

} // namespace occ
