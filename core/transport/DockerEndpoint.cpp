#include "core/transport/DockerEndpoint.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace occ {

namespace {

std::optional<DockerEndpoint> failWith(QString* error, const QString& message)
{
    if (error) {
        *error = message;
    }
    return std::nullopt;
}

DockerEndpoint platformDefault()
{
    DockerEndpoint e;
#ifdef Q_OS_WIN
    e.kind = DockerEndpoint::Kind::NamedPipe;
    e.address = QStringLiteral("//./pipe/docker_engine");
#else
    e.kind = DockerEndpoint::Kind::Unix;
    e.address = QStringLiteral("/var/run/docker.sock");
#endif
    return e;
}

// Reads a JSON file; a broken file is an error that names the file and the byte where parsing stopped.
std::optional<nlohmann::json> readJson(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        }
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    try {
        return nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::parse_error& e) {
        if (error) {
            *error = QStringLiteral("%1 is not valid JSON (byte %2): %3")
                         .arg(path)
                         .arg(e.byte)
                         .arg(QString::fromStdString(e.what()));
        }
        return std::nullopt;
    }
}

} // namespace

QString DockerEndpoint::toUrlString() const
{
    switch (kind) {
    case Kind::Unix:
        return QStringLiteral("unix://") + address;
    case Kind::NamedPipe:
        return QStringLiteral("npipe://") + address;
    case Kind::Ssh: {
        // An IPv6 host goes in brackets here too, or its colons read as a port (found by FuzzDockerEndpoint).
        const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
        const QString host = address.mid(at + 1);
        return QStringLiteral("ssh://") + address.left(at + 1)
            + (host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host)
            + (port > 0 ? QStringLiteral(":%1").arg(port) : QString());
    }
    case Kind::Tcp: {
        const QString host = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address) : address;
        return QStringLiteral("tcp://%1:%2").arg(host).arg(port);
    }
    }
    return {};
}

std::optional<DockerEndpoint> DockerEndpoint::parse(const QString& hostUrl, QString* error)
{
    const QString url = hostUrl.trimmed();
    DockerEndpoint e;
    if (url.isEmpty()) {
        return failWith(error, QStringLiteral("empty Docker host"));
    }
    if (url.startsWith(QLatin1String("unix://"))) {
        e.kind = Kind::Unix;
        e.address = url.mid(7);
        if (e.address.isEmpty() || !e.address.startsWith(QLatin1Char('/'))) {
            return failWith(error, QStringLiteral("\"%1\": a unix socket needs an absolute path").arg(url));
        }
        return e;
    }
    if (url.startsWith(QLatin1String("npipe://"))) {
        e.kind = Kind::NamedPipe;
        e.address = url.mid(8);
        if (e.address.isEmpty()) {
            return failWith(error, QStringLiteral("\"%1\": a named pipe needs a name").arg(url));
        }
        return e;
    }
    const bool ssh = url.startsWith(QLatin1String("ssh://"));
    const bool tcp = url.startsWith(QLatin1String("tcp://"));
    if (!ssh && !tcp) {
        return failWith(
            error,
            QStringLiteral("\"%1\": unsupported Docker host (use unix://, npipe://, ssh:// or tcp://)").arg(url));
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()) {
        return failWith(error, QStringLiteral("\"%1\": not a valid host URL").arg(url));
    }
    if (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/")) {
        return failWith(error, QStringLiteral("\"%1\": a path is not allowed here").arg(url));
    }
    if (parsed.hasQuery() || parsed.hasFragment() || !parsed.password().isEmpty()) {
        return failWith(error, QStringLiteral("\"%1\": query, fragment or password not allowed").arg(url));
    }
    // Qt accepts "host:" as no port; the docker CLI does not, and neither do we.
    const QString portText =
        url.mid(6).section(QLatin1Char('/'), 0, 0).section(QLatin1Char('@'), -1).section(QLatin1Char(']'), -1);
    if (portText.contains(QLatin1Char(':')) && parsed.port() <= 0) {
        return failWith(error, QStringLiteral("\"%1\": bad port").arg(url));
    }
    if (parsed.host().startsWith(QLatin1Char('-')) || parsed.userName().startsWith(QLatin1Char('-'))) {
        // ssh would read it as an option.
        return failWith(error, QStringLiteral("\"%1\": a host may not start with '-'").arg(url));
    }
    // QUrl decodes %00, %20, %40 and the like in the user part: a NUL would cut ssh's argument short, and a
    // space or a second '@' would make ssh read another user or host than the one shown.
    const auto unsafe = [](const QString& s) {
        return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
            return c.category() == QChar::Other_Control || c.isSpace() || c == QLatin1Char('@')
                || c == QLatin1Char('/');
        });
    };
    if (unsafe(parsed.userName()) || unsafe(parsed.host())) {
        return failWith(error, QStringLiteral("\"%1\": the user or host holds a character ssh cannot take").arg(url));
    }
    if (ssh) {
        e.kind = Kind::Ssh;
        e.address = parsed.userName().isEmpty() ? parsed.host() : parsed.userName() + QLatin1Char('@') + parsed.host();
        e.port = qMax(0, parsed.port());
    } else {
        e.kind = Kind::Tcp;
        e.address = parsed.host();
        // The docker CLI's default for tcp:// without a port.
        e.port = parsed.port(2375);
    }
    return e;
}

namespace {

// DOCKER_HOST, with DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH for tcp://.
std::optional<DockerEndpoint> fromDockerHost(const QProcessEnvironment& env, const QString& configDir, QString* error)
{
    QString why;
    auto e = DockerEndpoint::parse(env.value(QStringLiteral("DOCKER_HOST")), &why);
    if (!e) {
        return failWith(error, QStringLiteral("DOCKER_HOST: %1").arg(why));
    }
    e->source = QStringLiteral("DOCKER_HOST");
    if (e->kind == DockerEndpoint::Kind::Tcp) {
        // As in the docker CLI: any non-empty DOCKER_TLS_VERIFY turns on TLS with verification.
        e->tlsVerify = !env.value(QStringLiteral("DOCKER_TLS_VERIFY")).isEmpty();
        e->tls = e->tlsVerify || !env.value(QStringLiteral("DOCKER_TLS")).isEmpty();
        if (e->tls) {
            e->certPath = env.value(QStringLiteral("DOCKER_CERT_PATH"), configDir);
        }
    }
    return e;
}

// The context to use: DOCKER_CONTEXT, else config.json's currentContext, else "" (the default context).
// `source` says where the name came from, for messages.
std::optional<QString> contextToUse(const QProcessEnvironment& env, const QString& configDir, QString* source,
                                    QString* error)
{
    *source = QStringLiteral("DOCKER_CONTEXT");
    const QString fromEnv = env.value(QStringLiteral("DOCKER_CONTEXT"));
    const QString configFile = configDir + QStringLiteral("/config.json");
    // No config.json is a fresh machine: the docker CLI then uses the default context, and so do we.
    if (!fromEnv.isEmpty() || !QFileInfo::exists(configFile)) {
        return fromEnv;
    }
    QString why;
    const auto config = readJson(configFile, &why);
    if (!config) {
        failWith(error, why);
        return std::nullopt;
    }
    if (!config->is_object()) {
        failWith(error, QStringLiteral("%1: not a JSON object").arg(configFile));
        return std::nullopt;
    }
    if (!config->contains("currentContext")) {
        return QString();
    }
    const auto& current = (*config)["currentContext"];
    if (!current.is_string()) {
        failWith(error, QStringLiteral("%1: currentContext is not a string").arg(configFile));
        return std::nullopt;
    }
    *source = QStringLiteral("currentContext in %1").arg(configFile);
    return QString::fromStdString(current.get<std::string>());
}

// A named context's endpoint from its meta.json, with its TLS folder when it has one.
std::optional<DockerEndpoint> fromContext(const QString& contextName, const QString& source, const QString& configDir,
                                          QString* error)
{
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(contextName.toUtf8(), QCryptographicHash::Sha256).toHex());
    const QString metaFile = QStringLiteral("%1/contexts/meta/%2/meta.json").arg(configDir, hash);
    if (!QFileInfo::exists(metaFile)) {
        return failWith(
            error,
            QStringLiteral("Docker context \"%1\" (from %2) does not exist: no %3").arg(contextName, source, metaFile));
    }
    QString why;
    const auto meta = readJson(metaFile, &why);
    if (!meta) {
        return failWith(error, why);
    }
    QString host;
    bool skipTlsVerify = false;
    try {
        const auto& docker = meta->at("Endpoints").at("docker");
        host = QString::fromStdString(docker.at("Host").get<std::string>());
        if (docker.contains("SkipTLSVerify")) {
            skipTlsVerify = docker.at("SkipTLSVerify").get<bool>();
        }
    } catch (const nlohmann::json::exception& ex) {
        return failWith(error,
                        QStringLiteral("%1: Endpoints.docker.Host missing or of the wrong type (%2)")
                            .arg(metaFile, QString::fromStdString(ex.what())));
    }
    auto e = DockerEndpoint::parse(host, &why);
    if (!e) {
        return failWith(error, QStringLiteral("Docker context \"%1\": %2").arg(contextName, why));
    }
    e->source = QStringLiteral("context \"%1\"").arg(contextName);
    const QString tlsDir = QStringLiteral("%1/contexts/tls/%2/docker").arg(configDir, hash);
    if (e->kind == DockerEndpoint::Kind::Tcp && QFileInfo(tlsDir).isDir()) {
        e->tls = true;
        e->tlsVerify = !skipTlsVerify;
        e->certPath = tlsDir;
    }
    return e;
}

} // namespace

std::optional<DockerEndpoint> DockerEndpoint::resolve(const QProcessEnvironment& env, const QString& homeDir,
                                                      QString* error)
{
    const QString configDir = env.value(QStringLiteral("DOCKER_CONFIG"), homeDir + QStringLiteral("/.docker"));
    std::optional<DockerEndpoint> e;
    if (!env.value(QStringLiteral("DOCKER_HOST")).isEmpty()) {
        e = fromDockerHost(env, configDir, error);
    } else {
        QString source;
        const auto contextName = contextToUse(env, configDir, &source, error);
        if (!contextName) {
            return std::nullopt;
        }
        if (contextName->isEmpty() || *contextName == QLatin1String("default")) {
            DockerEndpoint local = platformDefault();
            local.source = QStringLiteral("default");
            return local;
        }
        e = fromContext(*contextName, source, configDir, error);
    }
    if (e) {
        e->sshOptions = env.value(QStringLiteral("OCC_SSH_OPTIONS")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return e;
}

std::optional<DockerEndpoint> DockerEndpoint::resolveFromSystem(QString* error)
{
    return resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath(), error);
}

} // namespace occ
