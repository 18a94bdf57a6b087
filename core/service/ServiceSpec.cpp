#include "core/service/ServiceSpec.h"

#include "core/config/Config.h"
#include "core/image/ImageLayout.h"

#include <QCryptographicHash>
#include <QHostAddress>

namespace occ::ServiceSpec {

QVector<Volume> volumes(const Config& config)
{
    QVector<Volume> v = {
        {QStringLiteral("data"), config.volumePrefix + QStringLiteral("-data"), image::DataDir},
        {QStringLiteral("config"), config.volumePrefix + QStringLiteral("-config"), image::ConfigDir},
        {QStringLiteral("state"), config.volumePrefix + QStringLiteral("-state"), image::StateDir},
    };
    if (config.workspacePath.isEmpty()) {
        v.append({QStringLiteral("workspace"), config.volumePrefix + QStringLiteral("-workspace"), image::Workspace});
    }
    return v;
}

QString imageRef(const Config& config)
{
    return config.imageName + QLatin1Char(':') + config.opencodeVersion;
}

ContainerSpec containerSpec(const Config& config)
{
    ContainerSpec spec;
    spec.image = imageRef(config);
    spec.env = {QString(image::UsernameEnv) + QLatin1Char('=') + config.username};
    spec.labels.insert(image::ManagedLabel, QStringLiteral("true"));
    // Docker needs an address: "localhost" is published on the IPv4 loopback.
    const QString hostIp = config.bind == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : config.bind;
    if (config.frontDoorEnabled) {
        // Reached only through the front door, on the private network it shares with opencode.
        spec.networkMode = config.containerName + QStringLiteral("-net"); // FrontDoor::networkName()
    } else {
        spec.portBindings.append({QStringLiteral("%1/tcp").arg(image::Port), hostIp, QString::number(config.port)});
    }
    for (const Volume& v : volumes(config)) {
        spec.mounts.append({ContainerSpec::Mount::Type::Volume, v.name, v.target, false});
    }
    if (!config.workspacePath.isEmpty()) {
        spec.mounts.append({ContainerSpec::Mount::Type::Bind, config.workspacePath, image::Workspace, false});
    }
    spec.restartPolicy.name = config.restartPolicy;
    spec.restartPolicy.maximumRetryCount =
        config.restartPolicy == QLatin1String("on-failure") ? config.restartMaxRetries : 0;
    // The image runs tini as its entrypoint; a second init would only add a process.
    spec.init = false;
    spec.stopTimeout = 10;
    spec.labels.insert(QString::fromLatin1(ConfigHashLabel), configHash(spec));
    return spec;
}

QString configHash(const ContainerSpec& spec)
{
    ContainerSpec copy = spec;
    copy.labels.remove(QString::fromLatin1(ConfigHashLabel));
    const std::string body = copy.toCreateBody().dump();
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromStdString(body), QCryptographicHash::Sha256).toHex().left(16));
}

QString url(const Config& config)
{
    if (!config.publicUrl.isEmpty()) {
        return config.publicUrl;
    }
    QString host = config.bind;
    const QHostAddress addr(host);
    if (host.isEmpty() || addr == QHostAddress::AnyIPv4 || addr == QHostAddress::AnyIPv6
        || host == QLatin1String("localhost")) {
        host = QStringLiteral("localhost");
    } else if (addr.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    if (!config.frontDoorEnabled) {
        return QStringLiteral("http://%1:%2").arg(host).arg(config.port);
    }
    // With the front door, opencode's own port is not published: people come in through the proxy, on
    // HTTPS whenever TLS is on (its HTTP port only redirects then).
    const bool tls = config.tlsMode != QLatin1String("off");
    const int port = tls ? config.frontDoorHttpsPort : config.frontDoorHttpPort;
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    if (port == (tls ? 443 : 80)) {
        return scheme + QStringLiteral("://") + host;
    }
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port);
}

QString probeUrl(const Config& config)
{
    QString host = config.bind;
    const QHostAddress addr(host);
    if (host.isEmpty() || host == QLatin1String("localhost") || addr == QHostAddress::AnyIPv4
        || addr == QHostAddress::AnyIPv6) {
        host = QStringLiteral("127.0.0.1");
    } else if (addr.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    return QStringLiteral("http://%1:%2").arg(host).arg(config.port);
}

bool isLoopback(const QString& bind)
{
    if (bind == QLatin1String("localhost")) {
        return true;
    }
    const QHostAddress addr(bind);
    return !addr.isNull() && addr.isLoopback();
}

} // namespace occ::ServiceSpec
