#include "core/config/ConfigSchema.h"

#include "core/config/Config.h"
#include "core/config/ConfigError.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace occ {

namespace {

using Json = nlohmann::ordered_json;

bool isIpv4(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4) {
        return false;
    }
    for (const QString& part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.startsWith(QLatin1Char('0')))) {
            return false; // leading zeros read as octal by some parsers: refuse the ambiguity
        }
        bool ok = false;
        const int v = part.toInt(&ok);
        if (!ok || v > 255 || !part.at(0).isDigit()) {
            return false;
        }
    }
    return true;
}

bool isHexGroup(const QString& group)
{
    if (group.isEmpty() || group.size() > 4) {
        return false;
    }
    for (const QChar c : group) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('F')))) {
            return false;
        }
    }
    return true;
}

// Counts the 16-bit groups of one side of "::"; an IPv4 tail counts as two. -1 when malformed.
int ipv6Groups(const QString& side, bool mayEndInIpv4)
{
    if (side.isEmpty()) {
        return 0;
    }
    const QStringList groups = side.split(QLatin1Char(':'));
    int count = 0;
    for (int i = 0; i < groups.size(); ++i) {
        const QString& g = groups.at(i);
        if (i == groups.size() - 1 && mayEndInIpv4 && g.contains(QLatin1Char('.'))) {
            if (!isIpv4(g)) {
                return -1;
            }
            count += 2;
        } else if (isHexGroup(g)) {
            ++count;
        } else {
            return -1;
        }
    }
    return count;
}

bool isIpv6(const QString& text)
{
    const int gap = text.indexOf(QStringLiteral("::"));
    if (gap < 0) {
        return ipv6Groups(text, true) == 8;
    }
    if (text.indexOf(QStringLiteral("::"), gap + 1) >= 0) {
        return false;
    }
    const int left = ipv6Groups(text.left(gap), false);
    const int right = ipv6Groups(text.mid(gap + 2), true);
    return left >= 0 && right >= 0 && left + right <= 7;
}

QString checkBind(const QString& value)
{
    if (value == QLatin1String("localhost") || ConfigSchema::isIpLiteral(value)) {
        return {};
    }
    return QStringLiteral("expected an IPv4 or IPv6 address or \"localhost\", got %1").arg(quoteValue(value));
}

QString checkAbsolutePath(const QString& value)
{
    if (!QDir::isAbsolutePath(value)) {
        return QStringLiteral("expected an absolute path, got %1").arg(quoteValue(value));
    }
    return {};
}

QString checkCidrList(const QString& value)
{
    for (const QString& part : value.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        // QHostAddress::parseSubnet would need QtNetwork in this Qt Core-only library.
        const int slash = part.indexOf(QLatin1Char('/'));
        const QString address = part.left(slash);
        bool ok = false;
        const int prefix = slash > 0 ? part.mid(slash + 1).toInt(&ok) : -1;
        const int maxPrefix = isIpv4(address) ? 32 : isIpv6(address) ? 128 : -1;
        if (!ok || maxPrefix < 0 || prefix < 0 || prefix > maxPrefix) {
            return QStringLiteral("expected CIDR ranges like 10.0.0.0/8, 172.16.0.0/12, got %1").arg(quoteValue(part));
        }
    }
    return {};
}

QString checkEmail(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!re.match(value).hasMatch()) {
        return QStringLiteral("expected an e-mail address, got %1").arg(quoteValue(value));
    }
    return {};
}

QString checkDockerHost(const QString& value)
{
    static const QStringList schemes = {QStringLiteral("unix"), QStringLiteral("npipe"), QStringLiteral("tcp"),
                                        QStringLiteral("ssh"),  QStringLiteral("http"),  QStringLiteral("https")};
    const int sep = value.indexOf(QStringLiteral("://"));
    const QString scheme = sep > 0 ? value.left(sep) : QString();
    const QString rest = sep > 0 ? value.mid(sep + 3) : QString();
    if (!schemes.contains(scheme) || rest.isEmpty()) {
        return QStringLiteral("expected unix:///path, npipe:////./pipe/name, tcp://host:port or ssh://[user@]host, "
                              "got %1")
            .arg(quoteValue(value));
    }
    if (scheme == QLatin1String("unix") && !rest.startsWith(QLatin1Char('/'))) {
        return QStringLiteral("a unix socket needs an absolute path (unix:///var/run/docker.sock), got %1")
            .arg(quoteValue(value));
    }
    return {};
}

// A docker repository ([registry[:port]/]path), no tag: the tag is the opencode version.
const char* const RepositoryPattern =
    "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
    "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
    "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";

template <typename T>
std::function<QVariant(const Config&)> getter(T Config::*member)
{
    return [member](const Config& c) { return QVariant::fromValue(c.*member); };
}

template <typename T>
std::function<void(Config&, const QVariant&)> setter(T Config::*member)
{
    return [member](Config& c, const QVariant& v) { c.*member = v.value<T>(); };
}

ConfigKey stringKey(const char* key, QString Config::*member, const char* description, const char* pattern = nullptr,
                    bool allowEmpty = false, std::function<QString(const QString&)> check = {})
{
    ConfigKey k;
    k.key = QString::fromLatin1(key);
    k.type = ConfigKey::Type::String;
    k.description = QString::fromUtf8(description);
    k.pattern = pattern ? QString::fromLatin1(pattern) : QString();
    k.allowEmpty = allowEmpty;
    k.check = std::move(check);
    k.get = getter(member);
    k.set = setter(member);
    return k;
}

ConfigKey intKey(const char* key, int Config::*member, int minimum, int maximum, const char* description)
{
    ConfigKey k;
    k.key = QString::fromLatin1(key);
    k.type = ConfigKey::Type::Int;
    k.description = QString::fromUtf8(description);
    k.minimum = minimum;
    k.maximum = maximum;
    k.get = getter(member);
    k.set = setter(member);
    return k;
}

ConfigKey boolKey(const char* key, bool Config::*member, const char* description)
{
    ConfigKey k;
    k.key = QString::fromLatin1(key);
    k.type = ConfigKey::Type::Bool;
    k.description = QString::fromUtf8(description);
    k.get = getter(member);
    k.set = setter(member);
    return k;
}

ConfigKey enumKey(const char* key, QString Config::*member, QStringList allowed, const char* description)
{
    ConfigKey k = stringKey(key, member, description);
    k.type = ConfigKey::Type::Enum;
    k.allowed = std::move(allowed);
    return k;
}

QVector<ConfigKey> buildTable()
{
    using C = Config;
    return {
        stringKey("service.container_name", &C::containerName, "Name of the Docker container that runs opencode.",
                  "[a-zA-Z0-9][a-zA-Z0-9_.-]{1,127}"),
        stringKey("network.bind", &C::bind,
                  "Host address the port is published on: 127.0.0.1 keeps it on this machine; 0.0.0.0 or :: "
                  "exposes it to the network (then a password is required).",
                  nullptr, false, checkBind),
        intKey("network.port", &C::port, 1, 65535, "Host port of the opencode web server."),
        stringKey("network.public_url", &C::publicUrl,
                  "URL users open when a reverse proxy sits in front (http(s)://host[:port]); empty = "
                  "http://<bind>:<port>.",
                  nullptr, true, ConfigSchema::checkPublicUrl),
        stringKey("auth.username", &C::username,
                  "User name for HTTP basic authentication. The password is kept in credentials.json, never here.",
                  "[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
        stringKey("image.name", &C::imageName, "Repository of the image we build; its tag is the opencode version.",
                  RepositoryPattern),
        stringKey("image.base", &C::imageBase, "Base image of our image (name:tag).",
                  "[a-z0-9][a-z0-9._/:-]*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?"),
        stringKey("image.opencode_version", &C::opencodeVersion,
                  "opencode release installed in the image (x.y.z); defaults to the version this build was tested "
                  "with.",
                  "[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?"),
        stringKey("image.opencode_binary", &C::opencodeBinary,
                  "Absolute host path of an opencode binary to copy into the image instead of downloading it from "
                  "npm; empty = download.",
                  nullptr, true, checkAbsolutePath),
        boolKey("image.extra_ca_certs", &C::imageExtraCaCerts,
                "Copy the host's /usr/local/share/ca-certificates/*.crt into the image (TLS-inspecting proxies)."),
        enumKey("restart.policy", &C::restartPolicy,
                {QStringLiteral("no"), QStringLiteral("always"), QStringLiteral("unless-stopped"),
                 QStringLiteral("on-failure")},
                "Docker restart policy of the container."),
        intKey("restart.max_retries", &C::restartMaxRetries, 0, 1000,
               "With on-failure: restarts before giving up (0 = no limit)."),
        intKey("restart.delay_seconds", &C::restartDelaySeconds, 1, 3600,
               "Seconds to wait before restarting a container that crashed."),
        intKey("restart.window_seconds", &C::restartWindowSeconds, 10, 86400,
               "Crash-loop window: this many restarts within it count as a loop."),
        stringKey("volumes.prefix", &C::volumePrefix,
                  "Prefix of the named Docker volumes (<prefix>-data, <prefix>-config, ...).",
                  "[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}"),
        stringKey("volumes.workspace_path", &C::workspacePath,
                  "Absolute host folder mounted as the workspace; empty = a named volume.", nullptr, true,
                  checkAbsolutePath),
        stringKey("docker.host", &C::dockerHost,
                  "Docker engine to use (unix://, npipe://, tcp://, ssh://); empty = like the docker CLI "
                  "(DOCKER_HOST, then the current context).",
                  nullptr, true, checkDockerHost),
        intKey("health.start_timeout_seconds", &C::healthTimeoutSeconds, 5, 3600,
               "Seconds to wait for the service to become healthy after a start."),
        intKey("health.probe_interval_seconds", &C::healthProbeIntervalSeconds, 2, 3600,
               "Seconds between the watchdog's health probes while the service runs (occ run, the app)."),
        intKey("health.failure_threshold", &C::healthFailureThreshold, 1, 100,
               "Failed probes in a row after which the watchdog restarts a running but hung service; "
               "restarts back off from restart.delay_seconds and stop after restart.max_retries within "
               "restart.window_seconds."),
        boolKey("frontdoor.enabled", &C::frontDoorEnabled,
                "Put a Caddy reverse proxy in front of opencode (TLS, /healthz for load balancers, streaming-safe "
                "proxying); opencode's own port is then no longer published."),
        intKey("frontdoor.http_port", &C::frontDoorHttpPort, 1, 65535,
               "Host port of the front door's plain HTTP listener (redirects to HTTPS when TLS is on; /healthz)."),
        intKey("frontdoor.https_port", &C::frontDoorHttpsPort, 1, 65535,
               "Host port of the front door's HTTPS listener (unused when tls.mode is off)."),
        stringKey("frontdoor.trusted_proxies", &C::frontDoorTrustedProxies,
                  "CIDR ranges of load balancers whose X-Forwarded-For/Proto/Host headers are trusted (e.g. the "
                  "ALB's subnets); empty = trust none.",
                  nullptr, true, checkCidrList),
        enumKey("tls.mode", &C::tlsMode,
                {QStringLiteral("off"), QStringLiteral("files"), QStringLiteral("internal"), QStringLiteral("acme")},
                "TLS at the front door: off (behind a TLS-terminating load balancer or on localhost), files "
                "(tls.cert_file + tls.key_file), internal (a local CA made by occ), acme (Let's Encrypt for "
                "network.public_url's host)."),
        stringKey("tls.cert_file", &C::tlsCertFile,
                  "Absolute host path of the PEM certificate (chain) for tls.mode files.", nullptr, true,
                  checkAbsolutePath),
        stringKey("tls.key_file", &C::tlsKeyFile, "Absolute host path of the PEM private key for tls.mode files.",
                  nullptr, true, checkAbsolutePath),
        stringKey("tls.acme_email", &C::tlsAcmeEmail,
                  "Contact e-mail for the ACME account (Let's Encrypt) in tls.mode acme.", nullptr, true, checkEmail),
    };
}

Json valueToJson(const ConfigKey& key, const QVariant& value)
{
    switch (key.type) {
    case ConfigKey::Type::Int:
        return value.toInt();
    case ConfigKey::Type::Bool:
        return value.toBool();
    case ConfigKey::Type::String:
    case ConfigKey::Type::Enum:
        break;
    }
    return value.toString().toStdString();
}

ConfigError keyError(ConfigError::Kind kind, const QString& key, const QString& message)
{
    ConfigError error;
    error.kind = kind;
    error.key = key;
    error.message = message;
    return error;
}

} // namespace

const QVector<ConfigKey>& ConfigSchema::keys()
{
    static const QVector<ConfigKey> table = buildTable();
    return table;
}

const ConfigKey* ConfigSchema::find(const QString& key)
{
    for (const ConfigKey& k : keys()) {
        if (k.key == key) {
            return &k;
        }
    }
    return nullptr;
}

QStringList ConfigSchema::sections()
{
    QStringList out;
    for (const ConfigKey& k : keys()) {
        if (!out.contains(k.section())) {
            out << k.section();
        }
    }
    return out;
}

ConfigErrors ConfigSchema::validate(const Config& config)
{
    ConfigErrors errors;
    if (config.version != CurrentVersion) {
        errors << keyError(ConfigError::Kind::Value, QStringLiteral("version"),
                           QStringLiteral("expected %1, got %2").arg(CurrentVersion).arg(config.version));
    }
    for (const ConfigKey& k : keys()) {
        const QString problem = k.checkValue(k.get(config));
        if (!problem.isEmpty()) {
            errors << keyError(ConfigError::Kind::Value, k.key, problem);
        }
    }
    return errors;
}

Result<QString, ConfigError> ConfigSchema::get(const Config& config, const QString& key)
{
    const ConfigKey* k = find(key);
    if (!k) {
        return keyError(ConfigError::Kind::UnknownKey, key, QStringLiteral("no such key"));
    }
    return ConfigKey::toText(k->get(config));
}

Result<Unit, ConfigError> ConfigSchema::set(Config& config, const QString& key, const QString& text)
{
    const ConfigKey* k = find(key);
    if (!k) {
        return keyError(ConfigError::Kind::UnknownKey, key, QStringLiteral("no such key"));
    }
    QString problem;
    const QVariant value = k->parseText(text, &problem);
    if (problem.isEmpty()) {
        problem = k->checkValue(value);
    }
    if (!problem.isEmpty()) {
        return keyError(ConfigError::Kind::Value, key, problem);
    }
    k->set(config, value);
    return Unit{};
}

Result<Unit, ConfigError> ConfigSchema::unset(Config& config, const QString& key)
{
    const ConfigKey* k = find(key);
    if (!k) {
        return keyError(ConfigError::Kind::UnknownKey, key, QStringLiteral("no such key"));
    }
    k->set(config, k->defaultValue());
    return Unit{};
}

QByteArray ConfigSchema::jsonSchema()
{
    Json schema = Json::object();
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    schema["$id"] = "https://opencode-cloud.dev/schema/config.json";
    schema["title"] = "opencode-cloud configuration";
    schema["type"] = "object";
    // Unknown keys are kept on save, so they are allowed here too.
    schema["additionalProperties"] = true;
    Json properties = Json::object();
    properties["version"] = {{"type", "integer"},
                             {"const", CurrentVersion},
                             {"description", "Format version of this file; older files are migrated on save."}};
    for (const QString& section : sections()) {
        Json sectionSchema = Json::object();
        sectionSchema["type"] = "object";
        sectionSchema["additionalProperties"] = true;
        Json sectionProperties = Json::object();
        for (const ConfigKey& k : keys()) {
            if (k.section() != section) {
                continue;
            }
            Json p = Json::object();
            p["type"] = k.jsonTypeName().toStdString();
            p["description"] = k.description.toStdString();
            p["default"] = valueToJson(k, k.defaultValue());
            if (k.type == ConfigKey::Type::Int) {
                p["minimum"] = k.minimum;
                p["maximum"] = k.maximum;
            } else if (k.type == ConfigKey::Type::Enum) {
                Json allowed = Json::array();
                for (const QString& a : k.allowed) {
                    allowed.push_back(a.toStdString());
                }
                p["enum"] = allowed;
            } else if (k.type == ConfigKey::Type::String) {
                if (!k.pattern.isEmpty()) {
                    p["pattern"] = QStringLiteral("^(?:%1)$").arg(k.pattern).toStdString();
                } else if (!k.allowEmpty) {
                    p["minLength"] = 1;
                }
            }
            sectionProperties[k.name().toStdString()] = p;
        }
        sectionSchema["properties"] = sectionProperties;
        properties[section.toStdString()] = sectionSchema;
    }
    schema["properties"] = properties;
    return QByteArray::fromStdString(schema.dump(2) + "\n");
}

QString ConfigSchema::helpText()
{
    QString out;
    for (const ConfigKey& k : keys()) {
        const QString def = ConfigKey::toText(k.defaultValue());
        out += QStringLiteral("  %1\n      %2\n      %3; default: %4\n")
                   .arg(k.key, k.description, k.expected(), def.isEmpty() ? QStringLiteral("(empty)") : def);
    }
    return out;
}

bool ConfigSchema::isIpLiteral(const QString& text)
{
    return isIpv4(text) || isIpv6(text);
}

QString ConfigSchema::checkPublicUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty()) {
        return QStringLiteral("expected http(s)://host[:port], got %1").arg(quoteValue(text));
    }
    if (!url.userInfo().isEmpty()) {
        // Not echoed: the user part may well hold a password.
        return QStringLiteral("must not contain a user name or password (the password lives in credentials.json)");
    }
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() || url.hasFragment()) {
        return QStringLiteral("must not have a path, query or fragment (opencode is served at the root), got %1")
            .arg(quoteValue(text));
    }
    return {};
}

} // namespace occ
