#include "core/config/Config.h"
#include "core/config/ConfigSchema.h"
#include "core/config/ConfigStore.h"

#include <QFile>
#include <QLockFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <thread>

using namespace occ;
using Json = nlohmann::ordered_json;

class TestConfigStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void missingFileMeansDefaultsAndNotSetUp();
    void roundTripKeepsEveryKey();
    void savedFileIsPrettyAndInTableOrder();
    void brokenJsonReportsLineAndColumn_data();
    void brokenJsonReportsLineAndColumn();
    void brokenJsonIsNeverOverwritten();
    void overwriteUnparseableKeepsACopy();
    void wrongTypesNameKeyFileAndType_data();
    void wrongTypesNameKeyFileAndType();
    void unknownKeysSurviveSetAndSave();
    void keyOrderIsStable();
    void fileIsPrivate();
    void migratesFlatVersionZero();
    void newerVersionIsRefusedAndUntouched();
    void interleavedStoresKeepBothChanges();
    void concurrentThreadsLoseNoUpdate();
    void badValueStaysUntilTheUserFixesIt();
    void setRefusesBadInputWithoutWriting();
    void heldLockIsReported();

private:
    QString writeFile(const QByteArray& bytes);
    QByteArray readFile() const;
    static QStringList dump(const Config& config);

    QTemporaryDir* m_dir = nullptr;
    QString m_path;
};

void TestConfigStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConfigStore::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("opencode-cloud/config.json"));
}

void TestConfigStore::cleanup()
{
    delete m_dir;
    m_dir = nullptr;
}

QString TestConfigStore::writeFile(const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
    }
    return m_path;
}

QByteArray TestConfigStore::readFile() const
{
    QFile file(m_path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList TestConfigStore::dump(const Config& config)
{
    QStringList out{QStringLiteral("version=%1").arg(config.version)};
    for (const ConfigKey& k : ConfigSchema::keys()) {
        out << k.key + QLatin1Char('=') + ConfigKey::toText(k.get(config));
    }
    return out;
}

void TestConfigStore::missingFileMeansDefaultsAndNotSetUp()
{
    ConfigStore store(m_path);
    QVERIFY(!store.exists());
    const auto loaded = store.load();
    QVERIFY(loaded.ok());
    QCOMPARE(dump(loaded.value()), dump(Config()));
    QVERIFY(!store.exists()); // loading must not create it
    QVERIFY(store.save(Config()).ok());
    QVERIFY(store.exists());
}

void TestConfigStore::roundTripKeepsEveryKey()
{
    Config config;
    config.containerName = QStringLiteral("occ-test");
    config.bind = QStringLiteral("::");
    config.port = 8443;
    config.publicUrl = QStringLiteral("https://code.example.com");
    config.username = QStringLiteral("alice");
    config.imageName = QStringLiteral("registry.example.com:5000/occ");
    config.imageBase = QStringLiteral("debian:12");
    config.opencodeVersion = QStringLiteral("9.8.7");
    config.opencodeBinary = QStringLiteral("/opt/opencode");
    config.imageExtraCaCerts = true;
    config.restartPolicy = QStringLiteral("on-failure");
    config.restartMaxRetries = 7;
    config.restartDelaySeconds = 9;
    config.restartWindowSeconds = 600;
    config.volumePrefix = QStringLiteral("occ-t");
    config.workspacePath = QStringLiteral("/srv/work space/ü");
    config.dockerHost = QStringLiteral("ssh://alice@box");
    config.healthTimeoutSeconds = 60;
    config.healthProbeIntervalSeconds = 30;
    config.healthFailureThreshold = 5;
    config.frontDoorEnabled = true;
    config.frontDoorHttpPort = 8080;
    config.frontDoorHttpsPort = 8443;
    config.frontDoorTrustedProxies = QStringLiteral("10.0.0.0/16");
    config.tlsMode = QStringLiteral("files");
    config.tlsCertFile = QStringLiteral("/etc/occ/cert.pem");
    config.tlsKeyFile = QStringLiteral("/etc/occ/key.pem");
    config.tlsAcmeEmail = QStringLiteral("ops@example.com");

    ConfigStore store(m_path);
    const auto saved = store.save(config);
    QVERIFY2(saved.ok(), qPrintable(toString(saved.error())));
    const auto loaded = ConfigStore(m_path).load();
    QVERIFY2(loaded.ok(), qPrintable(toString(loaded.error())));
    QCOMPARE(dump(loaded.value()), dump(config));
    QVERIFY(dump(config) != dump(Config())); // every key above really differs from its default
    for (const ConfigKey& k : ConfigSchema::keys()) {
        QVERIFY2(k.get(config) != k.defaultValue(), qPrintable(k.key));
    }
}

void TestConfigStore::savedFileIsPrettyAndInTableOrder()
{
    QVERIFY(ConfigStore(m_path).save(Config()).ok());
    const QByteArray text = readFile();
    QVERIFY2(
        text.startsWith("{\n  \"version\": 1,\n  \"service\": {\n    \"container_name\": \"opencode-cloud\"\n  },\n"
                        "  \"network\": {\n    \"bind\": \"127.0.0.1\",\n    \"port\": 4096,\n"),
        text.constData());
    QVERIFY(text.endsWith("}\n"));

    // Every known key is written, defaults included, in the table's order.
    const Json document = Json::parse(text.toStdString());
    QStringList written;
    for (auto section = document.begin(); section != document.end(); ++section) {
        if (section.key() == "version") {
            continue;
        }
        for (auto it = section->begin(); it != section->end(); ++it) {
            written << QString::fromStdString(section.key() + "." + it.key());
        }
    }
    QStringList expected;
    for (const ConfigKey& k : ConfigSchema::keys()) {
        expected << k.key;
    }
    QCOMPARE(written, expected);
}

void TestConfigStore::brokenJsonReportsLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a trailing comma is reported where the next key was expected")
        << QByteArray("{\n  \"network\": {\n    \"port\": 4096,\n  }\n}\n") << 4 << 3
        << QStringLiteral("expected string literal");
    QTest::newRow("an empty file is reported at its start")
        << QByteArray() << 1 << 1 << QStringLiteral("unexpected end of input");
    QTest::newRow("a missing closing brace is reported at the end")
        << QByteArray("{\n  \"version\": 1\n") << 3 << 1 << QStringLiteral("expected '}'");
    QTest::newRow("columns count characters, not bytes")
        << QByteArray("{\"workspace\": \"/home/j\xc3\xbcrgen\", x}") << 1 << 31 << QStringLiteral("invalid literal");
    QTest::newRow("a top level array is refused at line 1")
        << QByteArray("[1, 2]\n") << 1 << 1 << QStringLiteral("JSON object");
}

void TestConfigStore::brokenJsonReportsLineAndColumn()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, expected);

    writeFile(content);
    const auto loaded = ConfigStore(m_path).load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().size(), 1);
    const ConfigError& error = loaded.error().first();
    QCOMPARE(error.kind, ConfigError::Kind::Parse);
    QCOMPARE(error.file, m_path);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QVERIFY2(!error.message.contains(QStringLiteral("json.exception")), qPrintable(error.message));
    QVERIFY(error.toString().startsWith(m_path + QStringLiteral(":%1:%2: ").arg(line).arg(column)));
}

void TestConfigStore::brokenJsonIsNeverOverwritten()
{
    const QByteArray broken("{\n  \"network\": { \"port\": 4097,, }\n  \"my_notes\": \"keep me\"\n");
    writeFile(broken);
    ConfigStore store(m_path);

    const auto saved = store.save(Config());
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().first().kind, ConfigError::Kind::Unparseable);
    QCOMPARE(saved.error().at(1).kind, ConfigError::Kind::Parse);
    QCOMPARE(readFile(), broken);

    const auto set = store.set(QStringLiteral("network.port"), QStringLiteral("4098"));
    QVERIFY(!set.ok());
    QCOMPARE(set.error().first().kind, ConfigError::Kind::Unparseable);
    QCOMPARE(readFile(), broken);

    QVERIFY(!store.unset(QStringLiteral("network.port")).ok());
    QVERIFY(!store.update([](Config& c) { c.port = 1; }).ok());
    QCOMPARE(readFile(), broken);
}

void TestConfigStore::overwriteUnparseableKeepsACopy()
{
    const QByteArray broken("{ not json");
    writeFile(broken);
    ConfigStore store(m_path);
    Config config;
    config.port = 5000;
    const auto saved = store.overwriteUnparseable(config);
    QVERIFY2(saved.ok(), qPrintable(toString(saved.error())));
    QCOMPARE(store.load().value().port, 5000);

    const QStringList copies =
        QDir(QFileInfo(m_path).absolutePath()).entryList({QStringLiteral("config.json.broken-*")}, QDir::Files);
    QCOMPARE(copies.size(), 1);
    QFile copy(QFileInfo(m_path).absolutePath() + QLatin1Char('/') + copies.first());
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), broken);
}

void TestConfigStore::wrongTypesNameKeyFileAndType_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("key");
    QTest::addColumn<ConfigError::Kind>("kind");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a port given as a string names the key and says integer")
        << QByteArray(R"({"version": 1, "network": {"port": "4096"}})") << QStringLiteral("network.port")
        << ConfigError::Kind::Type << QStringLiteral("expected integer");
    QTest::newRow("a fractional port is not an integer")
        << QByteArray(R"({"version": 1, "network": {"port": 4096.5}})") << QStringLiteral("network.port")
        << ConfigError::Kind::Type << QStringLiteral("expected integer");
    QTest::newRow("a port beyond the int range is out of range, not wrapped")
        << QByteArray(R"({"version": 1, "network": {"port": 4294971392}})") << QStringLiteral("network.port")
        << ConfigError::Kind::Value << QStringLiteral("1 to 65535");
    QTest::newRow("an out of range port names the range")
        << QByteArray(R"({"version": 1, "network": {"port": 70000}})") << QStringLiteral("network.port")
        << ConfigError::Kind::Value << QStringLiteral("from 1 to 65535, got 70000");
    QTest::newRow("a boolean given as a string says boolean")
        << QByteArray(R"({"version": 1, "image": {"extra_ca_certs": "yes"}})") << QStringLiteral("image.extra_ca_certs")
        << ConfigError::Kind::Type << QStringLiteral("expected boolean");
    QTest::newRow("a string given as a number says string")
        << QByteArray(R"({"version": 1, "auth": {"username": 42}})") << QStringLiteral("auth.username")
        << ConfigError::Kind::Type << QStringLiteral("expected string");
    QTest::newRow("an unknown restart policy lists the allowed ones")
        << QByteArray(R"({"version": 1, "restart": {"policy": "sometimes"}})") << QStringLiteral("restart.policy")
        << ConfigError::Kind::Value << QStringLiteral("one of: no, always, unless-stopped, on-failure");
    QTest::newRow("a section that is not an object names the section")
        << QByteArray(R"({"version": 1, "network": 4096})") << QStringLiteral("network") << ConfigError::Kind::Type
        << QStringLiteral("expected an object");
    QTest::newRow("a version that is not a number names version")
        << QByteArray(R"({"version": "one"})") << QStringLiteral("version") << ConfigError::Kind::Type
        << QStringLiteral("integer");
}

void TestConfigStore::wrongTypesNameKeyFileAndType()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, key);
    QFETCH(ConfigError::Kind, kind);
    QFETCH(QString, expected);

    writeFile(content);
    const auto loaded = ConfigStore(m_path).load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().size(), 1);
    const ConfigError& error = loaded.error().first();
    QCOMPARE(error.key, key);
    QCOMPARE(error.file, m_path);
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QVERIFY(error.toString().contains(m_path + QStringLiteral(": ") + key + QStringLiteral(": ")));
}

void TestConfigStore::unknownKeysSurviveSetAndSave()
{
    writeFile(R"({
  "version": 1,
  "x_top": {"nested": {"deep": [1, 2, {"a": null}]}},
  "network": {"x_comment": "managed by ansible", "port": 4100, "x_list": [3, 2, 1]},
  "x_after": "tail"
})");
    ConfigStore store(m_path);
    const auto updated = store.set(QStringLiteral("auth.username"), QStringLiteral("bob"));
    QVERIFY2(updated.ok(), qPrintable(toString(updated.error())));
    const auto saved = store.save(store.load().value());
    QVERIFY2(saved.ok(), qPrintable(toString(saved.error())));

    const Json document = Json::parse(readFile().toStdString());
    QCOMPARE(document.at("x_top").dump(), std::string(R"({"nested":{"deep":[1,2,{"a":null}]}})"));
    QCOMPARE(document.at("x_after").get<std::string>(), std::string("tail"));
    QCOMPARE(document.at("network").at("x_comment").get<std::string>(), std::string("managed by ansible"));
    QCOMPARE(document.at("network").at("x_list").dump(), std::string("[3,2,1]"));
    QCOMPARE(document.at("network").at("port").get<int>(), 4100);
    QCOMPARE(document.at("auth").at("username").get<std::string>(), std::string("bob"));

    // Known keys first, in table order, then the unknown ones in their original order.
    QStringList networkKeys;
    for (auto it = document.at("network").begin(); it != document.at("network").end(); ++it) {
        networkKeys << QString::fromStdString(it.key());
    }
    QCOMPARE(networkKeys, QStringList({"bind", "port", "public_url", "x_comment", "x_list"}));
    // Unknown top-level keys follow the known sections, in their original order.
    QStringList topKeys;
    for (auto it = document.begin(); it != document.end(); ++it) {
        topKeys << QString::fromStdString(it.key());
    }
    QCOMPARE(topKeys.mid(topKeys.size() - 2), QStringList({"x_top", "x_after"}));
    QCOMPARE(topKeys.first(), QStringLiteral("version"));
}

void TestConfigStore::keyOrderIsStable()
{
    // Hand-written in a different order: the first save puts it in table order, later saves change nothing.
    writeFile(R"({"health": {"start_timeout_seconds": 60}, "network": {"port": 4100, "bind": "::1"}, "version": 1})");
    ConfigStore store(m_path);
    QVERIFY(store.set(QStringLiteral("network.port"), QStringLiteral("4101")).ok());
    const QByteArray first = readFile();
    QVERIFY(first.indexOf("\"network\"") < first.indexOf("\"health\""));
    QVERIFY(first.indexOf("\"bind\"") < first.indexOf("\"port\""));
    QVERIFY(store.save(store.load().value()).ok());
    QCOMPARE(readFile(), first);
    QVERIFY(store.set(QStringLiteral("network.port"), QStringLiteral("4101")).ok());
    QCOMPARE(readFile(), first);
}

void TestConfigStore::fileIsPrivate()
{
#ifdef Q_OS_WIN
    QSKIP("POSIX modes only");
#else
    ConfigStore store(m_path);
    QVERIFY(store.save(Config()).ok());
    QCOMPARE(QFile::permissions(m_path),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QCOMPARE(::stat(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0700));

    // An existing file with a loose mode is tightened on the next save.
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    QVERIFY(store.set(QStringLiteral("network.port"), QStringLiteral("4100")).ok());
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
#endif
}

void TestConfigStore::migratesFlatVersionZero()
{
    writeFile(R"({"port": 5000, "bind": "0.0.0.0", "image": "my-occ", "username": "carol", "x_flat": true,
                  "network": {"public_url": "https://a.example"}})");
    ConfigStore store(m_path);
    const auto loaded = store.load();
    QVERIFY2(loaded.ok(), qPrintable(toString(loaded.error())));
    QCOMPARE(loaded->port, 5000);
    QCOMPARE(loaded->bind, QStringLiteral("0.0.0.0"));
    QCOMPARE(loaded->imageName, QStringLiteral("my-occ"));
    QCOMPARE(loaded->username, QStringLiteral("carol"));
    QCOMPARE(loaded->publicUrl, QStringLiteral("https://a.example"));
    QCOMPARE(loaded->version, 1);
    QCOMPARE(store.lastMigrations().size(), 1);

    // The next save writes the new layout; the unknown flat key stays.
    QVERIFY(store.save(loaded.value()).ok());
    const Json document = Json::parse(readFile().toStdString());
    QCOMPARE(document.at("version").get<int>(), 1);
    QVERIFY(!document.contains("port"));
    QVERIFY(!document.contains("bind"));
    QCOMPARE(document.at("network").at("port").get<int>(), 5000);
    QCOMPARE(document.at("image").at("name").get<std::string>(), std::string("my-occ"));
    QCOMPARE(document.at("x_flat").get<bool>(), true);
    QVERIFY(ConfigStore(m_path).load().ok());
}

void TestConfigStore::newerVersionIsRefusedAndUntouched()
{
    const QByteArray future(R"({"version": 2, "network": {"port": "now an object?"}})");
    writeFile(future);
    ConfigStore store(m_path);
    const auto loaded = store.load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().first().kind, ConfigError::Kind::NewerVersion);
    QVERIFY2(loaded.error().first().message.contains(QStringLiteral("newer opencode-cloud")),
             qPrintable(loaded.error().first().message));
    QVERIFY(!store.save(Config()).ok());
    QVERIFY(!store.overwriteUnparseable(Config()).ok());
    QVERIFY(!store.set(QStringLiteral("network.port"), QStringLiteral("1")).ok());
    QCOMPARE(readFile(), future);
}

void TestConfigStore::interleavedStoresKeepBothChanges()
{
    ConfigStore a(m_path);
    ConfigStore b(m_path);
    QVERIFY(a.save(Config()).ok());
    // Both read the same state, then each changes a different key.
    QVERIFY(a.load().ok());
    QVERIFY(b.load().ok());
    QVERIFY(a.update([](Config& c) { c.port = 5001; }).ok());
    QVERIFY(b.update([](Config& c) { c.username = QStringLiteral("dave"); }).ok());
    const auto loaded = ConfigStore(m_path).load();
    QCOMPARE(loaded->port, 5001);
    QCOMPARE(loaded->username, QStringLiteral("dave"));
}

void TestConfigStore::concurrentThreadsLoseNoUpdate()
{
    // Each thread increments its own key N times, read-modify-write under the lock. A save that
    // overwrote the other thread's change would set its counter back and it would end below N.
    const int n = 25;
    QVERIFY(ConfigStore(m_path).save(Config()).ok());
    std::atomic<int> failures{0};
    auto worker = [&](bool first) {
        ConfigStore store(m_path);
        store.setLockTimeout(30000);
        for (int i = 0; i < n; ++i) {
            const auto r = store.update([first](Config& c) {
                if (first) {
                    ++c.restartMaxRetries;
                } else {
                    ++c.healthTimeoutSeconds;
                }
            });
            if (!r.ok()) {
                ++failures;
            }
        }
    };
    std::thread one(worker, true);
    std::thread two(worker, false);
    one.join();
    two.join();
    QCOMPARE(failures.load(), 0);
    const auto loaded = ConfigStore(m_path).load();
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->restartMaxRetries, Config().restartMaxRetries + n);
    QCOMPARE(loaded->healthTimeoutSeconds, Config().healthTimeoutSeconds + n);
}

void TestConfigStore::badValueStaysUntilTheUserFixesIt()
{
    writeFile(R"({"version": 1, "network": {"port": "http"}, "restart": {"policy": "sometimes"}})");
    ConfigStore store(m_path);
    QCOMPARE(store.load().error().size(), 2);

    // Changing another key works and leaves the user's bad values as they were, not replaced by defaults.
    QVERIFY(store.set(QStringLiteral("auth.username"), QStringLiteral("erin")).ok());
    Json document = Json::parse(readFile().toStdString());
    QCOMPARE(document.at("network").at("port").get<std::string>(), std::string("http"));
    QCOMPARE(document.at("restart").at("policy").get<std::string>(), std::string("sometimes"));
    QCOMPARE(document.at("auth").at("username").get<std::string>(), std::string("erin"));

    // Setting a bad key, even to its default value, replaces it.
    QVERIFY(store.set(QStringLiteral("network.port"), QStringLiteral("4096")).ok());
    QVERIFY(store.unset(QStringLiteral("restart.policy")).ok());
    const auto loaded = store.load();
    QVERIFY2(loaded.ok(), qPrintable(toString(loaded.error())));
    QCOMPARE(loaded->port, 4096);
    QCOMPARE(loaded->username, QStringLiteral("erin"));
}

void TestConfigStore::setRefusesBadInputWithoutWriting()
{
    ConfigStore store(m_path);
    QVERIFY(store.save(Config()).ok());
    const QByteArray before = readFile();
    for (const auto& result :
         {store.set(QStringLiteral("network.port"), QStringLiteral("0")),
          store.set(QStringLiteral("network.nope"), QStringLiteral("1")), store.unset(QStringLiteral("nope")),
          store.update([](Config& c) { c.bind = QStringLiteral("somewhere"); })}) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().first().file, m_path);
    }
    QVERIFY(!store
                 .save([] {
                     Config c;
                     c.volumePrefix = QStringLiteral("-x");
                     return c;
                 }())
                 .ok());
    QCOMPARE(readFile(), before);
}

void TestConfigStore::heldLockIsReported()
{
    ConfigStore store(m_path);
    QVERIFY(store.save(Config()).ok());
    QLockFile other(store.lockPath());
    QVERIFY(other.tryLock(0));
    store.setLockTimeout(100);
    const auto result = store.set(QStringLiteral("network.port"), QStringLiteral("4100"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().first().kind, ConfigError::Kind::Locked);
    other.unlock();
    QVERIFY(store.set(QStringLiteral("network.port"), QStringLiteral("4100")).ok());
}

QTEST_GUILESS_MAIN(TestConfigStore)
#include "TestConfigStore.moc"
