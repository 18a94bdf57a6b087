#include "core/config/Config.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigSchema.h"
#include "core/util/Version.h"

#include <QDir>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace occ;

namespace {

struct Row
{
    const char* sentence;
    const char* key;
    QString text;
    bool valid;
};

QVector<Row> validationRows()
{
    return {
        {"a container name with dots and dashes is accepted", "service.container_name", "occ-dev.1", true},
        {"a container name with a slash is refused", "service.container_name", "occ/dev", false},
        {"a one-letter container name is refused", "service.container_name", "o", false},
        {"an empty container name is refused", "service.container_name", "", false},
        {"bind to loopback IPv4 is accepted", "network.bind", "127.0.0.1", true},
        {"bind to all IPv4 interfaces is accepted", "network.bind", "0.0.0.0", true},
        {"bind to IPv6 loopback is accepted", "network.bind", "::1", true},
        {"bind to all IPv6 interfaces is accepted", "network.bind", "::", true},
        {"bind to a full IPv6 address is accepted", "network.bind", "2001:db8:0:0:0:0:2:1", true},
        {"bind to an IPv4-mapped IPv6 address is accepted", "network.bind", "::ffff:192.0.2.1", true},
        {"bind to localhost is accepted", "network.bind", "localhost", true},
        {"bind to a host name is refused", "network.bind", "example.com", false},
        {"bind to an IPv4 octet above 255 is refused", "network.bind", "127.0.0.256", false},
        {"bind with a leading zero octet is refused", "network.bind", "127.0.0.01", false},
        {"bind with two IPv6 gaps is refused", "network.bind", "1::2::3", false},
        {"bind with nine IPv6 groups is refused", "network.bind", "1:2:3:4:5:6:7:8:9", false},
        {"port 1 is accepted", "network.port", "1", true},
        {"port 65535 is accepted", "network.port", "65535", true},
        {"port 0 is refused", "network.port", "0", false},
        {"port 65536 is refused", "network.port", "65536", false},
        {"a port that is not a number is refused", "network.port", "http", false},
        {"an empty public URL is accepted", "network.public_url", "", true},
        {"an https public URL with a port is accepted", "network.public_url", "https://code.example.com:8443", true},
        {"a public URL ending in a slash is accepted", "network.public_url", "http://code.example.com/", true},
        {"a public URL with a path is refused", "network.public_url", "https://example.com/opencode", false},
        {"a public URL with another scheme is refused", "network.public_url", "ftp://example.com", false},
        {"a public URL with credentials is refused", "network.public_url", "https://u:p@example.com", false},
        {"a public URL with a query is refused", "network.public_url", "https://example.com/?a=1", false},
        {"a plain user name is accepted", "auth.username", "alice.smith", true},
        {"a user name with a colon is refused", "auth.username", "alice:smith", false},
        {"an empty user name is refused", "auth.username", "", false},
        {"a lower-case repository is accepted", "image.name", "opencode-cloud", true},
        {"a repository on a registry with a port is accepted", "image.name", "localhost:5000/team/occ", true},
        {"a repository with capitals is refused", "image.name", "OpenCode", false},
        {"a repository with a tag is refused", "image.name", "opencode-cloud:1.0", false},
        {"a base image with a tag is accepted", "image.base", "debian:12-slim", true},
        {"a base image with a registry is accepted", "image.base", "docker.io/library/ubuntu:24.04", true},
        {"a base image with a space is refused", "image.base", "ubuntu 24.04", false},
        {"a semantic opencode version is accepted", "image.opencode_version", "1.2.3", true},
        {"a prerelease opencode version is accepted", "image.opencode_version", "1.2.3-beta.1", true},
        {"latest as opencode version is refused", "image.opencode_version", "latest", false},
        {"an empty opencode binary means download", "image.opencode_binary", "", true},
        {"an absolute opencode binary path is accepted", "image.opencode_binary", "/usr/local/bin/opencode", true},
        {"a relative opencode binary path is refused", "image.opencode_binary", "bin/opencode", false},
        {"extra CA certificates can be switched on", "image.extra_ca_certs", "true", true},
        {"extra CA certificates accept off", "image.extra_ca_certs", "off", true},
        {"extra CA certificates refuse maybe", "image.extra_ca_certs", "maybe", false},
        {"restart policy on-failure is accepted", "restart.policy", "on-failure", true},
        {"restart policy no is accepted", "restart.policy", "no", true},
        {"restart policy sometimes is refused", "restart.policy", "sometimes", false},
        {"zero max retries is accepted", "restart.max_retries", "0", true},
        {"1001 max retries are refused", "restart.max_retries", "1001", false},
        {"a one second restart delay is accepted", "restart.delay_seconds", "1", true},
        {"a zero restart delay is refused", "restart.delay_seconds", "0", false},
        {"a one day restart window is accepted", "restart.window_seconds", "86400", true},
        {"a nine second restart window is refused", "restart.window_seconds", "9", false},
        {"a volume prefix with underscores is accepted", "volumes.prefix", "occ_dev", true},
        {"a volume prefix starting with a dash is refused", "volumes.prefix", "-occ", false},
        {"an empty workspace path means a named volume", "volumes.workspace_path", "", true},
        {"an absolute workspace path is accepted", "volumes.workspace_path", "/home/alice/src", true},
        {"a relative workspace path is refused", "volumes.workspace_path", "src", false},
        {"an empty docker host means like the docker CLI", "docker.host", "", true},
        {"a unix socket docker host is accepted", "docker.host", "unix:///var/run/docker.sock", true},
        {"an ssh docker host is accepted", "docker.host", "ssh://alice@build-box", true},
        {"a tcp docker host is accepted", "docker.host", "tcp://10.0.0.2:2376", true},
        {"a docker host without a scheme is refused", "docker.host", "/var/run/docker.sock", false},
        {"a relative unix socket is refused", "docker.host", "unix://docker.sock", false},
        {"a five second health timeout is accepted", "health.start_timeout_seconds", "5", true},
        {"a four second health timeout is refused", "health.start_timeout_seconds", "4", false},
        {"a two second probe interval is accepted", "health.probe_interval_seconds", "2", true},
        {"a one second probe interval is refused", "health.probe_interval_seconds", "1", false},
        {"one failed probe may be enough", "health.failure_threshold", "1", true},
        {"a zero failure threshold is refused", "health.failure_threshold", "0", false},
        {"the front door can be switched on", "frontdoor.enabled", "true", true},
        {"the front door refuses maybe", "frontdoor.enabled", "maybe", false},
        {"front door HTTP port 8080 is accepted", "frontdoor.http_port", "8080", true},
        {"front door HTTP port 0 is refused", "frontdoor.http_port", "0", false},
        {"front door HTTPS port 8443 is accepted", "frontdoor.https_port", "8443", true},
        {"front door HTTPS port 70000 is refused", "frontdoor.https_port", "70000", false},
        {"no trusted proxies is accepted", "frontdoor.trusted_proxies", "", true},
        {"two trusted proxy ranges are accepted", "frontdoor.trusted_proxies", "10.0.0.0/8, 172.16.0.0/12", true},
        {"an IPv6 trusted proxy range is accepted", "frontdoor.trusted_proxies", "fd00::/8", true},
        {"a trusted proxy without a prefix length is refused", "frontdoor.trusted_proxies", "10.0.0.1", false},
        {"a trusted proxy host name is refused", "frontdoor.trusted_proxies", "alb.example.com/32", false},
        {"TLS mode internal is accepted", "tls.mode", "internal", true},
        {"TLS mode acme is accepted", "tls.mode", "acme", true},
        {"TLS mode letsencrypt is refused", "tls.mode", "letsencrypt", false},
        {"an absolute certificate path is accepted", "tls.cert_file", "/etc/ssl/occ.pem", true},
        {"a relative certificate path is refused", "tls.cert_file", "occ.pem", false},
        {"an absolute key path is accepted", "tls.key_file", "/etc/ssl/occ.key", true},
        {"a relative key path is refused", "tls.key_file", "occ.key", false},
        {"an ACME e-mail is accepted", "tls.acme_email", "ops@example.com", true},
        {"an ACME e-mail without a domain is refused", "tls.acme_email", "ops@", false},
    };
}

} // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void tableMatchesTheConfigFields();
    void everyKeyHasValidAndInvalidRows();
    void setValidatesEachKey_data();
    void setValidatesEachKey();
    void validateNamesEachBadKey();
    void getSetUnsetByDottedKey();
    void unknownKeyIsAnError();
    void jsonSchemaDescribesEveryKey();
    void helpTextListsEveryKey();
    void pathsFollowExplicitThenEnvironmentThenDefault();
    void testModeKeepsAwayFromTheRealConfig();
};

void TestConfigSchema::defaults()
{
    const Config c;
    QCOMPARE(c.version, 1);
    QCOMPARE(c.containerName, QStringLiteral("opencode-cloud"));
    QCOMPARE(c.bind, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.port, 4096);
    QVERIFY(c.publicUrl.isEmpty());
    QCOMPARE(c.username, QStringLiteral("opencode"));
    QCOMPARE(c.imageName, QStringLiteral("opencode-cloud"));
    QCOMPARE(c.imageBase, QStringLiteral("ubuntu:24.04"));
    QCOMPARE(c.opencodeVersion, occ::pinnedOpencodeVersion());
    QVERIFY(!c.opencodeVersion.isEmpty());
    QVERIFY(c.opencodeBinary.isEmpty());
    QCOMPARE(c.imageExtraCaCerts, false);
    QCOMPARE(c.restartPolicy, QStringLiteral("unless-stopped"));
    QCOMPARE(c.restartMaxRetries, 5);
    QCOMPARE(c.restartDelaySeconds, 5);
    QCOMPARE(c.restartWindowSeconds, 300);
    QCOMPARE(c.volumePrefix, QStringLiteral("opencode-cloud"));
    QVERIFY(c.workspacePath.isEmpty());
    QVERIFY(c.dockerHost.isEmpty());
    QCOMPARE(c.healthTimeoutSeconds, 180);
    QCOMPARE(c.healthProbeIntervalSeconds, 10);
    QCOMPARE(c.healthFailureThreshold, 3);
    QCOMPARE(c.frontDoorEnabled, false);
    QCOMPARE(c.frontDoorHttpPort, 80);
    QCOMPARE(c.frontDoorHttpsPort, 443);
    QVERIFY(c.frontDoorTrustedProxies.isEmpty());
    QCOMPARE(c.tlsMode, QStringLiteral("off"));
    QVERIFY(c.tlsCertFile.isEmpty() && c.tlsKeyFile.isEmpty() && c.tlsAcmeEmail.isEmpty());
    // The defaults themselves must pass validation.
    QVERIFY2(ConfigSchema::validate(c).isEmpty(), qPrintable(toString(ConfigSchema::validate(c))));
}

void TestConfigSchema::tableMatchesTheConfigFields()
{
    const QStringList expected = {"service.container_name",
                                  "network.bind",
                                  "network.port",
                                  "network.public_url",
                                  "auth.username",
                                  "image.name",
                                  "image.base",
                                  "image.opencode_version",
                                  "image.opencode_binary",
                                  "image.extra_ca_certs",
                                  "restart.policy",
                                  "restart.max_retries",
                                  "restart.delay_seconds",
                                  "restart.window_seconds",
                                  "volumes.prefix",
                                  "volumes.workspace_path",
                                  "docker.host",
                                  "health.start_timeout_seconds",
                                  "health.probe_interval_seconds",
                                  "health.failure_threshold",
                                  "frontdoor.enabled",
                                  "frontdoor.http_port",
                                  "frontdoor.https_port",
                                  "frontdoor.trusted_proxies",
                                  "tls.mode",
                                  "tls.cert_file",
                                  "tls.key_file",
                                  "tls.acme_email"};
    QStringList actual;
    for (const ConfigKey& k : ConfigSchema::keys()) {
        actual << k.key;
        QVERIFY2(!k.description.isEmpty(), qPrintable(k.key));
    }
    QCOMPARE(actual, expected);

    // Each setter reaches its own member: setting one key changes only that key.
    for (const ConfigKey& k : ConfigSchema::keys()) {
        Config c;
        const QVariant changed = k.type == ConfigKey::Type::Int
            ? QVariant(k.minimum == k.defaultValue().toInt() ? k.maximum : k.minimum)
            : k.type == ConfigKey::Type::Bool ? QVariant(!k.defaultValue().toBool())
                                              : QVariant(QStringLiteral("x") + k.defaultValue().toString());
        k.set(c, changed);
        for (const ConfigKey& other : ConfigSchema::keys()) {
            if (other.key == k.key) {
                QCOMPARE(other.get(c), changed);
            } else {
                QVERIFY2(other.get(c) == other.defaultValue(), qPrintable(k.key + " changed " + other.key));
            }
        }
    }
}

void TestConfigSchema::everyKeyHasValidAndInvalidRows()
{
    QSet<QString> valid;
    QSet<QString> invalid;
    for (const Row& row : validationRows()) {
        QVERIFY2(ConfigSchema::find(QString::fromLatin1(row.key)), row.key);
        (row.valid ? valid : invalid).insert(QString::fromLatin1(row.key));
    }
    for (const ConfigKey& k : ConfigSchema::keys()) {
        QVERIFY2(valid.contains(k.key), qPrintable(k.key + " has no valid row"));
        QVERIFY2(invalid.contains(k.key), qPrintable(k.key + " has no invalid row"));
    }
}

void TestConfigSchema::setValidatesEachKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    for (const Row& row : validationRows()) {
        QTest::newRow(row.sentence) << QString::fromLatin1(row.key) << row.text << row.valid;
    }
}

void TestConfigSchema::setValidatesEachKey()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(bool, valid);

    Config config;
    const auto result = ConfigSchema::set(config, key, text);
    QVERIFY2(result.ok() == valid, result.ok() ? "accepted" : qPrintable(result.error().toString()));
    if (valid) {
        QVERIFY2(ConfigSchema::validate(config).isEmpty(), qPrintable(toString(ConfigSchema::validate(config))));
    } else {
        QCOMPARE(result.error().key, key);
        QVERIFY(!result.error().message.isEmpty());
        // Unchanged on error.
        QCOMPARE(ConfigSchema::get(config, key).value(), ConfigSchema::get(Config(), key).value());
    }
}

void TestConfigSchema::validateNamesEachBadKey()
{
    Config config;
    config.port = 0;
    config.restartPolicy = QStringLiteral("sometimes");
    config.bind = QStringLiteral("nowhere");
    const ConfigErrors errors = ConfigSchema::validate(config);
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors.at(0).key, QStringLiteral("network.bind"));
    QCOMPARE(errors.at(1).key, QStringLiteral("network.port"));
    QVERIFY2(errors.at(1).message.contains(QStringLiteral("1 to 65535")), qPrintable(errors.at(1).message));
    QCOMPARE(errors.at(2).key, QStringLiteral("restart.policy"));
    QVERIFY(errors.at(2).message.contains(QStringLiteral("unless-stopped")));
}

void TestConfigSchema::getSetUnsetByDottedKey()
{
    Config config;
    QVERIFY(ConfigSchema::set(config, QStringLiteral("network.port"), QStringLiteral(" 8080 ")).ok());
    QCOMPARE(config.port, 8080);
    QCOMPARE(ConfigSchema::get(config, QStringLiteral("network.port")).value(), QStringLiteral("8080"));
    QVERIFY(ConfigSchema::set(config, QStringLiteral("image.extra_ca_certs"), QStringLiteral("yes")).ok());
    QCOMPARE(config.imageExtraCaCerts, true);
    QCOMPARE(ConfigSchema::get(config, QStringLiteral("image.extra_ca_certs")).value(), QStringLiteral("true"));
    QVERIFY(ConfigSchema::unset(config, QStringLiteral("network.port")).ok());
    QCOMPARE(config.port, 4096);
    QVERIFY(ConfigSchema::unset(config, QStringLiteral("image.opencode_version")).ok());
    QCOMPARE(config.opencodeVersion, occ::pinnedOpencodeVersion());
}

void TestConfigSchema::unknownKeyIsAnError()
{
    Config config;
    for (const auto& result : {ConfigSchema::set(config, QStringLiteral("network.prot"), QStringLiteral("1")),
                               ConfigSchema::unset(config, QStringLiteral("network.prot"))}) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ConfigError::Kind::UnknownKey);
        QCOMPARE(result.error().key, QStringLiteral("network.prot"));
    }
    QVERIFY(!ConfigSchema::get(config, QStringLiteral("port")).ok());
}

void TestConfigSchema::jsonSchemaDescribesEveryKey()
{
    const auto schema = nlohmann::json::parse(ConfigSchema::jsonSchema().toStdString());
    QCOMPARE(QString::fromStdString(schema.at("$schema").get<std::string>()),
             QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
    QCOMPARE(schema.at("type").get<std::string>(), std::string("object"));
    QCOMPARE(schema.at("additionalProperties").get<bool>(), true);
    QCOMPARE(schema.at("properties").at("version").at("type").get<std::string>(), std::string("integer"));

    for (const ConfigKey& k : ConfigSchema::keys()) {
        const auto& section = schema.at("properties").at(k.section().toStdString());
        QCOMPARE(section.at("type").get<std::string>(), std::string("object"));
        QCOMPARE(section.at("additionalProperties").get<bool>(), true);
        QVERIFY2(section.at("properties").contains(k.name().toStdString()), qPrintable(k.key));
        const auto& p = section.at("properties").at(k.name().toStdString());
        const std::string type = p.at("type").get<std::string>();
        QVERIFY2(p.contains("description") && p.contains("default"), qPrintable(k.key));
        switch (k.type) {
        case ConfigKey::Type::Int:
            QCOMPARE(type, std::string("integer"));
            QCOMPARE(p.at("minimum").get<int>(), k.minimum);
            QCOMPARE(p.at("maximum").get<int>(), k.maximum);
            QCOMPARE(p.at("default").get<int>(), k.defaultValue().toInt());
            break;
        case ConfigKey::Type::Bool:
            QCOMPARE(type, std::string("boolean"));
            QVERIFY(p.at("default").is_boolean());
            break;
        case ConfigKey::Type::Enum:
            QCOMPARE(type, std::string("string"));
            QCOMPARE(p.at("enum").size(), std::size_t(k.allowed.size()));
            break;
        case ConfigKey::Type::String:
            QCOMPARE(type, std::string("string"));
            QCOMPARE(QString::fromStdString(p.at("default").get<std::string>()), k.defaultValue().toString());
            break;
        }
    }
    const auto& port = schema.at("properties").at("network").at("properties").at("port");
    QCOMPARE(port.at("minimum").get<int>(), 1);
    QCOMPARE(port.at("maximum").get<int>(), 65535);
    QCOMPARE(port.at("default").get<int>(), 4096);
}

void TestConfigSchema::helpTextListsEveryKey()
{
    const QString help = ConfigSchema::helpText();
    for (const ConfigKey& k : ConfigSchema::keys()) {
        QVERIFY2(help.contains(QStringLiteral("  ") + k.key + QLatin1Char('\n')), qPrintable(k.key));
        QVERIFY2(help.contains(k.description), qPrintable(k.key));
    }
    QVERIFY(help.contains(QStringLiteral("an integer from 1 to 65535; default: 4096")));
}

void TestConfigSchema::pathsFollowExplicitThenEnvironmentThenDefault()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray oldXdg = qgetenv("XDG_CONFIG_HOME");
    const QByteArray oldOcc = qgetenv("OCC_CONFIG");
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
    qunsetenv("OCC_CONFIG");

#ifndef Q_OS_WIN
    QCOMPARE(ConfigPaths::configFile(), dir.path() + QStringLiteral("/opencode-cloud/config.json"));
    qputenv("XDG_CONFIG_HOME", "relative/ignored");
    QCOMPARE(ConfigPaths::configFile(), QDir::homePath() + QStringLiteral("/.config/opencode-cloud/config.json"));
#endif
    qputenv("OCC_CONFIG", (dir.path() + QStringLiteral("/env.json")).toUtf8());
    QCOMPARE(ConfigPaths::configFile(), dir.path() + QStringLiteral("/env.json"));
    QCOMPARE(ConfigPaths::configFile(dir.path() + QStringLiteral("/cli.json")),
             dir.path() + QStringLiteral("/cli.json"));
    QCOMPARE(ConfigPaths::credentialsFile(dir.path() + QStringLiteral("/cli.json")),
             dir.path() + QStringLiteral("/credentials.json"));

    qputenv("XDG_CONFIG_HOME", oldXdg);
    if (oldOcc.isEmpty()) {
        qunsetenv("OCC_CONFIG");
    } else {
        qputenv("OCC_CONFIG", oldOcc);
    }
}

void TestConfigSchema::testModeKeepsAwayFromTheRealConfig()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = ConfigPaths::defaultConfigFile();
    QStandardPaths::setTestModeEnabled(false);
    QVERIFY2(path.contains(QStringLiteral("qttest")), qPrintable(path));
    QVERIFY(path.endsWith(QStringLiteral("/opencode-cloud/config.json")));
}

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "TestConfigSchema.moc"
