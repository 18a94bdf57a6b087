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

Diagnosis::Diagnosis(QString configPath)
    : m_configPath(std::move(configPath))
    , m_portCheck(&PortProbe::isFree)
{ }

QVector<DiagnosisCheck> Diagnosis::run() const
{
    using Id = DiagnosisCheck::Id;
    using Status = DiagnosisCheck::Status;
    using Cause = DiagnosisCheck::Cause;
    QVector<DiagnosisCheck> checks;
    auto add = [&checks](Id id, Status status, Cause cause, QStringList args = {}, DockerError docker = {}) {
        checks.append({id, status, cause, std::move(args), std::move(docker)});
    };

    // 1. The config: a missing one is the defaults (and a failure: nothing is set up); a broken one ends it.
    ConfigStore store(m_configPath);
    const bool setUp = store.exists();
    const auto loaded = store.load();
    if (!loaded) {
        add(Id::Config, Status::Fail, Cause::ConfigInvalid, {m_configPath, toString(loaded.error())});
        return checks;
    }
    const Config config = loaded.value();
    if (setUp) {
        add(Id::Config, Status::Ok, Cause::ConfigLoaded, {m_configPath});
    } else {
        add(Id::Config, Status::Fail, Cause::ConfigMissing, {m_configPath});
    }

    // Settings that are valid but do nothing (they need no engine to tell).
    for (const ConfigWarning& warning : ConfigWarning::check(config)) {
        if (warning.kind == ConfigWarning::Kind::TlsWithoutFrontDoor) {
            add(Id::Settings, Status::Warn, Cause::TlsWithoutFrontDoor, {warning.value});
        }
    }

    // 2. The password.
    const QString credentialsPath = ConfigPaths::credentialsFile(m_configPath);
    const auto pw = FileCredentialStore(credentialsPath).password();
    QString password;
    if (!pw) {
        add(Id::Password, Status::Fail, Cause::PasswordUnreadable, {pw.error().toString()});
    } else if (pw->isEmpty()) {
        if (ServiceSpec::isLoopback(config.bind)) {
            add(Id::Password, Status::Warn, Cause::PasswordNone);
        } else {
            add(Id::Password, Status::Fail, Cause::PasswordNonePublic, {config.bind});
        }
    } else {
        password = pw.value();
        Logging::addSecret(password);
        const QFileInfo file(credentialsPath);
        const bool privateFile =
            !(file.permissions()
              & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther));
        add(Id::Password, privateFile ? Status::Ok : Status::Fail,
            privateFile ? Cause::PasswordSet : Cause::PasswordFileOpen, {credentialsPath});
    }

    // 3. The engine: the same endpoint resolution as every other engine user.
    EngineConnection engine(config);
    if (!engine.isValid()) {
        add(Id::Engine, Status::Fail, Cause::EngineUnresolved, {engine.error()});
        return checks;
    }
    DockerClient& docker = *engine.client();
    const auto version = docker.version(); // negotiates first, within the probe timeout
    if (!version) {
        add(Id::Engine, Status::Fail, Cause::EngineUnavailable, {engine.endpoint().toUrlString()}, version.error());
        return checks;
    }
    add(Id::Engine, Status::Ok, Cause::EngineReachable,
        {version->version, engine.endpoint().toUrlString(), docker.apiVersion()});

    // 4. The image.
    const QString ref = ServiceSpec::imageRef(config);
    const auto image = docker.imageExists(ref);
    if (!image) {
        add(Id::Image, Status::Fail, Cause::ImageError, {ref}, image.error());
    } else {
        add(Id::Image, image.value() ? Status::Ok : Status::Warn,
            image.value() ? Cause::ImageBuilt : Cause::ImageMissing, {ref});
    }

    // 5. The container, and 6. the port (which our own running container may hold).
    DetectionResult found;
    const auto info = docker.inspectContainer(config.containerName);
    if (info) {
        found.containerExists = true;
        found.containerRunning = info->running;
        found.containerForeign =
            info->labels.value(QString::fromLatin1(ServiceSpec::ManagedLabel)) != QLatin1String("true");
        if (found.containerForeign) {
            add(Id::Service, Status::Fail, Cause::ServiceForeign, {config.containerName});
        } else {
            ServiceController controller(config, password, &docker);
            const ServiceStatus s = controller.status();
            if (s.state == ServiceStatus::State::Healthy) {
                add(Id::Service, Status::Ok, Cause::ServiceHealthy, {s.url});
            } else if (s.state == ServiceStatus::State::Stopped) {
                add(Id::Service, Status::Warn, Cause::ServiceStopped);
            } else {
                add(Id::Service, Status::Fail, Cause::ServiceUnwell, {ServiceStatus::stateName(s.state), s.detail});
            }
        }
    } else if (info.error().category() == DockerError::Category::NotFound) {
        add(Id::Service, Status::Warn, Cause::ServiceNoContainer);
    } else {
        add(Id::Service, Status::Fail, Cause::ServiceError, {config.containerName}, info.error());
    }

    Detection detection;
    detection.setConfig(config);
    detection.setPortCheck(m_portCheck);
    detection.checkPort(found);
    const QString bind = config.bind;
    const QString port = QString::number(config.port);
    if (found.portFree) {
        add(Id::Port, Status::Ok, Cause::PortFree, {bind, port});
    } else if (found.portHeldByService) {
        add(Id::Port, Status::Ok, Cause::PortPublished, {bind, port});
    } else {
        add(Id::Port, Status::Fail, Cause::PortTaken,
            {bind, port, found.portHolder, QString::number(found.suggestedPort)});
    }

    return checks;
}

} // namespace occ
