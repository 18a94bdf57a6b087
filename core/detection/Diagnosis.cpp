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
using Checks = QVector<DiagnosisCheck>;

void add(Checks& checks, Id id, Status status, Cause cause, QStringList args = {}, DockerError docker = {})
{
    DiagnosisCheck check;
    check.id = id;
    check.status = status;
    check.cause = cause;
    check.args = std::move(args);
    check.docker = std::move(docker);
    checks.append(std::move(check));
}

// 2. The password; returns it (empty when none is stored or it cannot be read).
QString checkPassword(const Config& config, const QString& configPath, Checks& checks)
{
    const QString credentialsPath = ConfigPaths::credentialsFile(configPath);
    const auto pw = FileCredentialStore(credentialsPath).password();
    if (!pw) {
        add(checks, Id::Password, Status::Fail, Cause::PasswordUnreadable, {pw.error().toString()});
        return {};
    }
    if (pw->isEmpty()) {
        if (ServiceSpec::isLoopback(config.bind)) {
            add(checks, Id::Password, Status::Warn, Cause::PasswordNone);
        } else {
            add(checks, Id::Password, Status::Fail, Cause::PasswordNonePublic, {config.bind});
        }
        return {};
    }
    Logging::addSecret(pw.value());
    const QFileInfo file(credentialsPath);
    const bool privateFile =
        !(file.permissions()
          & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther));
    add(checks, Id::Password, privateFile ? Status::Ok : Status::Fail,
        privateFile ? Cause::PasswordSet : Cause::PasswordFileOpen, {credentialsPath});
    return pw.value();
}

// 5. The container; what it found decides the port check.
DetectionResult checkService(const Config& config, const QString& password, DockerClient& docker, Checks& checks)
{
    DetectionResult found;
    const auto info = docker.inspectContainer(config.containerName);
    if (!info) {
        if (info.error().category() == DockerError::Category::NotFound) {
            add(checks, Id::Service, Status::Warn, Cause::ServiceNoContainer);
        } else {
            add(checks, Id::Service, Status::Fail, Cause::ServiceError, {config.containerName}, info.error());
        }
        return found;
    }
    found.containerExists = true;
    found.containerRunning = info->running;
    found.containerForeign =
        info->labels.value(QString::fromLatin1(ServiceSpec::ManagedLabel)) != QLatin1String("true");
    if (found.containerForeign) {
        add(checks, Id::Service, Status::Fail, Cause::ServiceForeign, {config.containerName});
        return found;
    }
    const ServiceStatus s = ServiceController(config, password, &docker).status();
    if (s.state == ServiceStatus::State::Healthy) {
        add(checks, Id::Service, Status::Ok, Cause::ServiceHealthy, {s.url});
    } else if (s.state == ServiceStatus::State::Stopped) {
        add(checks, Id::Service, Status::Warn, Cause::ServiceStopped);
    } else {
        add(checks, Id::Service, Status::Fail, Cause::ServiceUnwell, {ServiceStatus::stateName(s.state)});
        checks.last().service = s;
    }
    return found;
}

} // namespace

Diagnosis::Diagnosis(QString configPath)
    : m_configPath(std::move(configPath))
    , m_portCheck(&PortProbe::isFree)
{ }

QVector<DiagnosisCheck> Diagnosis::run() const
{
    Checks checks;
    // 1. The config: a missing one is the defaults (and a failure: nothing is set up); a broken one ends it.
    ConfigStore store(m_configPath);
    const bool setUp = store.exists();
    const auto loaded = store.load();
    if (!loaded) {
        add(checks, Id::Config, Status::Fail, Cause::ConfigInvalid, {m_configPath, toString(loaded.error())});
        return checks;
    }
    const Config& config = loaded.value();
    add(checks, Id::Config, setUp ? Status::Ok : Status::Fail, setUp ? Cause::ConfigLoaded : Cause::ConfigMissing,
        {m_configPath});

    // Settings that are valid but do nothing (they need no engine to tell).
    for (const ConfigWarning& warning : ConfigWarning::check(config)) {
        if (warning.kind == ConfigWarning::Kind::TlsWithoutFrontDoor) {
            add(checks, Id::Settings, Status::Warn, Cause::TlsWithoutFrontDoor, {warning.value});
        }
    }
    const QString password = checkPassword(config, m_configPath, checks);

    // 3. The engine: the same endpoint resolution as every other engine user.
    EngineConnection engine(config);
    if (!engine.isValid()) {
        add(checks, Id::Engine, Status::Fail, Cause::EngineUnresolved, {engine.error()});
        return checks;
    }
    DockerClient& docker = *engine.client();
    const auto version = docker.version(); // negotiates first, within the probe timeout
    if (!version) {
        add(checks, Id::Engine, Status::Fail, Cause::EngineUnavailable, {engine.endpoint().toUrlString()},
            version.error());
        return checks;
    }
    add(checks, Id::Engine, Status::Ok, Cause::EngineReachable,
        {version->version, engine.endpoint().toUrlString(), docker.apiVersion()});

    // 4. The image.
    const QString ref = ServiceSpec::imageRef(config);
    const auto image = docker.imageExists(ref);
    if (!image) {
        add(checks, Id::Image, Status::Fail, Cause::ImageError, {ref}, image.error());
    } else {
        add(checks, Id::Image, image.value() ? Status::Ok : Status::Warn,
            image.value() ? Cause::ImageBuilt : Cause::ImageMissing, {ref});
    }

    // 5. The container, and 6. the port (which our own running container may hold).
    DetectionResult found = checkService(config, password, docker, checks);
    Detection detection;
    detection.setConfig(config);
    detection.setPortCheck(m_portCheck);
    detection.checkPort(found);
    const QString bind = config.bind;
    const QString port = QString::number(config.port);
    if (found.portFree) {
        add(checks, Id::Port, Status::Ok, Cause::PortFree, {bind, port});
    } else if (found.portHeldByService) {
        add(checks, Id::Port, Status::Ok, Cause::PortPublished, {bind, port});
    } else {
        add(checks, Id::Port, Status::Fail, Cause::PortTaken,
            {bind, port, found.portHolder, QString::number(found.suggestedPort)});
    }
    return checks;
}

} // namespace occ
