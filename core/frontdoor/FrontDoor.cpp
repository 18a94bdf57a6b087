#include "core/frontdoor/FrontDoor.h"

#include "core/docker/DockerClient.h"
#include "core/docker/TarWriter.h"
#include "core/frontdoor/Caddyfile.h"
#include "core/frontdoor/LocalCa.h"
#include "core/frontdoor/TlsMaterial.h"
#include "core/image/ImageLayout.h"
#include "core/transport/HttpResponseParser.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QTcpSocket>

static void initFrontDoorResources()
{
    Q_INIT_RESOURCE(frontdoor_context);
}

namespace occ {
namespace {

constexpr char FilesHashLabel[] = "org.opencode-cloud.frontdoor-hash";

FrontDoorError engineError(const QString& what, const DockerError& e,
                           FrontDoorError::Kind kind = FrontDoorError::Kind::Engine)
{
    return FrontDoorError{kind, what + QStringLiteral(": ") + e.userMessage(), e, e.hints()};
}

QByteArray resource(const QString& name)
{
    initFrontDoorResources();
    QFile f(QStringLiteral(":/frontdoor/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

Result<FrontDoor::Prepared, FrontDoorError> FrontDoor::prepare(const Config& config, const QString& tlsDir)
{
    auto settings = FrontDoorSettings::fromConfig(config);
    if (!settings) {
        return settings.error();
    }
    Prepared p;
    p.settings = settings.value();
    if (p.settings.tls == FrontDoorSettings::TlsMode::Files) {
        auto info = TlsMaterial::check(config.tlsCertFile, config.tlsKeyFile, p.settings.hostname);
        if (!info) {
            FrontDoorError refused = info.error();
            refused.message = QStringLiteral("Refusing to start the front door: %1").arg(refused.message);
            return refused;
        }
        p.certPem = info->certPem;
        p.keyPem = info->keyPem;
    } else if (p.settings.tls == FrontDoorSettings::TlsMode::Internal) {
        auto files = LocalCa::ensure(tlsDir, LocalCa::defaultNames(p.settings.hostname));
        if (!files) {
            return files.error();
        }
        auto info = TlsMaterial::check(files->serverCert, files->serverKey, p.settings.hostname);
        if (!info) {
            return info.error();
        }
        p.certPem = info->certPem;
        p.keyPem = info->keyPem;
        p.caCert = files->caCert;
    }
    p.caddyfile = Caddyfile::render(p.settings).toUtf8();
    return p;
}

QString FrontDoor::networkName(const Config& config)
{
    return config.containerName + QStringLiteral("-net");
}

QString FrontDoor::containerName(const Config& config)
{
    return config.containerName + QStringLiteral("-frontdoor");
}

QString FrontDoor::imageRef(const Config& config)
{
    return config.imageName + QStringLiteral("-frontdoor:") + QString::fromLatin1(ImageTag);
}

ContainerSpec FrontDoor::containerSpec(const Config& config, const Prepared& prepared)
{
    ContainerSpec spec;
    spec.image = imageRef(config);
    spec.labels.insert(image::ManagedLabel, QStringLiteral("true"));
    spec.labels.insert(QString::fromLatin1(RoleLabel), QStringLiteral("frontdoor"));
    const QString hostIp = config.bind == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : config.bind;
    spec.portBindings.append({QStringLiteral("%1/tcp").arg(FrontDoorSettings::ContainerHttpPort), hostIp,
                              QString::number(config.frontDoorHttpPort)});
    if (prepared.settings.tlsEnabled()) {
        spec.portBindings.append({QStringLiteral("%1/tcp").arg(FrontDoorSettings::ContainerHttpsPort), hostIp,
                                  QString::number(config.frontDoorHttpsPort)});
    }
    if (prepared.settings.tls == FrontDoorSettings::TlsMode::Acme) {
        // ACME account and certificates survive a recreate (Let's Encrypt rate-limits new orders).
        spec.mounts.append({ContainerSpec::Mount::Type::Volume, config.volumePrefix + QStringLiteral("-frontdoor"),
                            QStringLiteral("/data"), false});
    }
    spec.networkMode = networkName(config);
    spec.restartPolicy.name = config.restartPolicy;
    spec.restartPolicy.maximumRetryCount =
        config.restartPolicy == QLatin1String("on-failure") ? config.restartMaxRetries : 0;
    spec.init = true;
    spec.stopTimeout = 5;
    // The files are injected, not part of the create body: hash them into a label so a changed
    // Caddyfile or certificate recreates the container.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::fromStdString(spec.toCreateBody().dump()));
    hash.addData(prepared.caddyfile);
    hash.addData(prepared.certPem);
    hash.addData(prepared.keyPem);
    spec.labels.insert(QString::fromLatin1(FilesHashLabel), QString::fromLatin1(hash.result().toHex().left(16)));
    return spec;
}

QByteArray FrontDoor::buildContext(const QString& caddyBinary, QMap<QString, QString>* buildArgs)
{
    TarWriter tar;
    tar.addFile(QStringLiteral("Dockerfile"), resource(QStringLiteral("Dockerfile")));
    tar.addFile(QStringLiteral("occ-frontdoor-entrypoint"), resource(QStringLiteral("occ-frontdoor-entrypoint")), 0755);
    if (!caddyBinary.isEmpty()) {
        QFile f(caddyBinary);
        if (f.open(QIODevice::ReadOnly)) {
            tar.addFile(QStringLiteral("caddy"), f.readAll(), 0755);
            buildArgs->insert(QStringLiteral("CADDY_SOURCE"), QStringLiteral("context"));
        }
    }
    return tar.data();
}

QByteArray FrontDoor::configArchive(const Prepared& prepared, const QString& username, const QString& password)
{
    TarWriter tar;
    tar.addDirectory(QStringLiteral("etc/occ-frontdoor"), 0755);
    tar.addDirectory(QStringLiteral("etc/occ-frontdoor/tls"), 0700);
    tar.addFile(QStringLiteral("etc/occ-frontdoor/Caddyfile"), prepared.caddyfile, 0644);
    tar.addFile(QStringLiteral("etc/occ-frontdoor/username"), username.toUtf8(), 0600);
    if (!prepared.certPem.isEmpty()) {
        tar.addFile(QStringLiteral("etc/occ-frontdoor/tls/cert.pem"), prepared.certPem, 0644);
        tar.addFile(QStringLiteral("etc/occ-frontdoor/tls/key.pem"), prepared.keyPem, 0600);
    }
    tar.addDirectory(QStringLiteral("run/opencode-cloud"), 0700);
    tar.addFile(QStringLiteral("run/opencode-cloud/password"), password.toUtf8(), 0400);
    return tar.data();
}

FrontDoor::FrontDoor(Config config, QString password, DockerClient* docker)
    : m_config(std::move(config))
    , m_password(std::move(password))
    , m_docker(docker)
{ }

Result<Unit, FrontDoorError> FrontDoor::ensureNetwork()
{
    const QString name = networkName(m_config);
    if (m_docker->inspectNetwork(name)) {
        return Unit{};
    }
    auto created = m_docker->createNetwork(name, {{QString(image::ManagedLabel), QStringLiteral("true")}});
    if (!created && !created.error().isNameConflict()) {
        return engineError(QStringLiteral("Could not create the network %1").arg(name), created.error(),
                           FrontDoorError::Kind::Network);
    }
    return Unit{};
}

Result<Unit, FrontDoorError> FrontDoor::start(const Prepared& prepared)
{
    auto network = ensureNetwork();
    if (!network) {
        return network.error();
    }
    const QString ref = imageRef(m_config);
    auto exists = m_docker->imageExists(ref);
    if (!exists) {
        return engineError(QStringLiteral("Could not look up %1").arg(ref), exists.error());
    }
    if (!exists.value()) {
        BuildOptions build;
        build.tags = {ref};
        build.buildArgs.insert(QStringLiteral("BASE_IMAGE"), m_config.imageBase);
        build.labels.insert(image::ManagedLabel, QStringLiteral("true"));
        const QByteArray context = buildContext(qEnvironmentVariable(CaddyBinaryEnv), &build.buildArgs);
        auto built = m_docker->buildImage(context, build, {}, nullptr);
        if (!built) {
            return engineError(QStringLiteral("Building the front door image %1 failed").arg(ref), built.error(),
                               FrontDoorError::Kind::CaddyFailed);
        }
    }
    const ContainerSpec spec = containerSpec(m_config, prepared);
    const QString name = containerName(m_config);
    auto info = m_docker->inspectContainer(name);
    if (info) {
        if (info->labels.value(QString::fromLatin1(FilesHashLabel))
                == spec.labels.value(QString::fromLatin1(FilesHashLabel))
            && info->running) {
            return Unit{};
        }
        m_docker->removeContainer(info->id, true, false);
    }
    auto id = m_docker->createContainer(name, spec);
    if (!id) {
        return engineError(QStringLiteral("Could not create the front door container %1").arg(name), id.error(),
                           FrontDoorError::Kind::CaddyFailed);
    }
    auto put =
        m_docker->putArchive(id.value(), QStringLiteral("/"), configArchive(prepared, m_config.username, m_password));
    if (!put) {
        return engineError(QStringLiteral("Could not hand the front door its configuration"), put.error(),
                           FrontDoorError::Kind::CaddyFailed);
    }
    auto started = m_docker->startContainer(id.value());
    if (!started) {
        const QString what = QStringLiteral("Could not start the front door on ports %1 and %2")
                                 .arg(m_config.frontDoorHttpPort)
                                 .arg(m_config.frontDoorHttpsPort);
        if (started.error().isPortInUse()) {
            FrontDoorError taken = engineError(what, started.error(), FrontDoorError::Kind::PortInUse);
            taken.hints = {Hint::fixConfigKey(QStringLiteral("frontdoor.https_port"), QStringLiteral("8443")),
                           Hint::fixConfigKey(QStringLiteral("frontdoor.http_port"), QStringLiteral("8080"))};
            return taken;
        }
        return engineError(what, started.error(), FrontDoorError::Kind::CaddyFailed);
    }
    return Unit{};
}

Result<Unit, FrontDoorError> FrontDoor::stop(int timeoutSeconds)
{
    auto info = m_docker->inspectContainer(containerName(m_config));
    if (!info || (!info->running && !info->restarting)) {
        return Unit{};
    }
    auto stopped = m_docker->stopContainer(info->id, timeoutSeconds);
    if (!stopped) {
        return engineError(QStringLiteral("Could not stop the front door"), stopped.error());
    }
    return Unit{};
}

Result<Unit, FrontDoorError> FrontDoor::retireContainer()
{
    auto info = m_docker->inspectContainer(containerName(m_config));
    if (info) {
        if (info->labels.value(QString::fromLatin1(RoleLabel)) != QLatin1String("frontdoor")) {
            return Unit{}; // not ours: never touch it
        }
        auto removed = m_docker->removeContainer(info->id, true);
        if (!removed && removed.error().category() != DockerError::Category::NotFound) {
            return engineError(QStringLiteral("Could not remove the front door"), removed.error());
        }
    } else if (info.error().category() != DockerError::Category::NotFound) {
        return engineError(QStringLiteral("Could not look up the front door"), info.error());
    }
    return Unit{};
}

void FrontDoor::retireNetwork()
{
    // Only a network we made; while an opencode container made with the front door is still on it the
    // engine refuses, and a later start (after that container was recreated) removes it.
    auto network = m_docker->inspectNetwork(networkName(m_config));
    if (network && network->labels.value(QString(image::ManagedLabel)) == QLatin1String("true")) {
        m_docker->removeNetwork(network->id);
    }
}

int FrontDoor::probeHealthz(int port, int timeoutMs, QString* error)
{
    QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(port));
    if (!socket.waitForConnected(static_cast<int>(deadline.remainingTime()))) {
        if (error) {
            *error = socket.errorString();
        }
        return 0;
    }
    socket.write(QStringLiteral("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nConnection: close\r\n\r\n")
                     .arg(port)
                     .toLatin1());
    HttpResponseParser parser;
    while (!parser.headersComplete() && !parser.hasError()) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0 || !socket.waitForReadyRead(static_cast<int>(left))) {
            break;
        }
        parser.feed(socket.readAll());
    }
    if (!parser.headersComplete()) {
        if (error) {
            *error = QStringLiteral("no answer from the front door within %1 ms").arg(timeoutMs);
        }
        return 0;
    }
    return parser.statusCode();
}

} // namespace occ
