// Hostile config files, through the commands a user runs (config validate, get, show, set) and the
// bytes-only entry point fuzzers use (ConfigStore::parse): refused with file, line and column, never a
// crash, never a rewrite, never a 10 MB message. Issue 11's fault probe found 100 000 nested arrays
// crashing `config set`, 10 000 turning 20 KB into 200 MB, and duplicate keys reported valid.

#include "core/config/ConfigStore.h"
#include "core/config/JsonFile.h"
#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;
using occ::test::runOcc;

namespace {

QByteArray nested(int depth)
{
    return QByteArrayLiteral("{\"version\": 1, \"notes\": ") + QByteArray(depth, '[') + QByteArray(depth, ']')
        + QByteArrayLiteral("}\n");
}

QByteArray withBind(const QByteArray& value)
{
    return QByteArrayLiteral("{\"version\": 1, \"network\": {\"bind\": \"") + value + QByteArrayLiteral("\"}}\n");
}

} // namespace

class TestConfigBoundary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void hostileFileIsRefusedByEveryCommand_data();
    void hostileFileIsRefusedByEveryCommand();
    void duplicateKeysAreReportedWithTheirLines();
    void longValuesAreShortenedInMessages_data();
    void longValuesAreShortenedInMessages();
    void limitsLeaveRoomForRealFiles();
    void parseNeedsNoFile();

private:
    void writeConfig(const QByteArray& bytes);
    QByteArray readConfig() const;

    QTemporaryDir m_dir;
    QString m_config;
    int m_count = 0;
};

void TestConfigBoundary::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("DOCKER_HOST", QByteArray("unix://") + m_dir.filePath(QStringLiteral("no-such.sock")).toUtf8());
    qunsetenv("DOCKER_CONTEXT");
}

void TestConfigBoundary::init()
{
    m_config = m_dir.filePath(QStringLiteral("cfg%1/config.json").arg(++m_count));
    qputenv("OCC_CONFIG", m_config.toUtf8());
}

void TestConfigBoundary::writeConfig(const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(m_config).path());
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray TestConfigBoundary::readConfig() const
{
    QFile file(m_config);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestConfigBoundary::hostileFileIsRefusedByEveryCommand_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("arrays nested 100 000 deep") << nested(100000) << QStringLiteral(":1:56: nested more than 32");
    QTest::newRow("arrays nested 10 000 deep") << nested(10000) << QStringLiteral(":1:56: nested more than 32");
    QTest::newRow("objects nested 33 deep")
        << (QByteArrayLiteral("{\"version\": 1, \"notes\": ") + QByteArrayLiteral("{\"a\": ").repeated(32)
            + QByteArrayLiteral("1") + QByteArray(33, '}') + "\n")
        << QStringLiteral(":1:") + QString::number(25 + 31 * 6) + QStringLiteral(": nested more than 32");
    QTest::newRow("a 10 MB string") << withBind(QByteArray(10 * 1024 * 1024, 'a'))
                                    << QStringLiteral("larger than 1048576 bytes");
    QTest::newRow("a number out of range") << QByteArrayLiteral("{\"version\": 1, \"notes\": 1e999}")
                                           << QStringLiteral(":1:29: number overflow parsing '1e999'");
    QTest::newRow("a key twice") << QByteArrayLiteral("{\"version\": 1,\n \"network\": {\"port\": 4100,\n"
                                                      "  \"port\": 4200}}\n")
                                 << QStringLiteral(":3:3: network.port: duplicate key, also on line 2");
}

void TestConfigBoundary::hostileFileIsRefusedByEveryCommand()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    writeConfig(bytes);
    const QList<QStringList> commands = {
        {QStringLiteral("config"), QStringLiteral("validate")},
        {QStringLiteral("config"), QStringLiteral("show")},
        {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("network.port")},
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4300")},
        {QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("network.port")},
    };
    for (const QStringList& command : commands) {
        const auto run = runOcc(command);
        const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.all().left(2000);
        QVERIFY2(run.code == 4, qPrintable(what));
        QVERIFY2(run.err.contains(expected), qPrintable(what));
        QVERIFY2(run.err.contains(m_config), qPrintable(what));
        QVERIFY2(run.all().size() < 600, qPrintable(what));
        QVERIFY2(readConfig() == bytes, qPrintable(what));
    }
    const auto parsed = ConfigStore::parse(bytes, m_config);
    QVERIFY(!parsed);
    QVERIFY2(toString(parsed.error()).contains(expected), qPrintable(toString(parsed.error())));
}

void TestConfigBoundary::duplicateKeysAreReportedWithTheirLines()
{
    const QByteArray bytes = "{\n"
                             "  \"version\": 1,\n"
                             "  \"network\": {\"port\": 4100, \"bind\": \"127.0.0.1\"},\n"
                             "  \"notes\": [{\"a\": 1, \"b\": 2, \"\\u0061\": 3}],\n"
                             "  \"network\": {\"port\": 4200}\n"
                             "}\n";
    writeConfig(bytes);
    const auto run = runOcc({QStringLiteral("config"), QStringLiteral("validate")});
    QCOMPARE(run.code, 4);
    QVERIFY2(run.err.contains(m_config + QStringLiteral(":4:30: notes[0].a: duplicate key, also on line 4")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(m_config + QStringLiteral(":5:3: network: duplicate key, also on line 3")),
             qPrintable(run.err));
    const auto set = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4300")});
    QCOMPARE(set.code, 4);
    QCOMPARE(readConfig(), bytes);
}

void TestConfigBoundary::longValuesAreShortenedInMessages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray longText(500 * 1024, 'a');
    QTest::newRow("a long string where an address belongs")
        << withBind(longText) << QStringLiteral("got \"%1\u2026\" (512000 characters)").arg(QString(60, u'a'));
    QTest::newRow("a long string where a number belongs")
        << (QByteArrayLiteral("{\"version\": 1, \"network\": {\"port\": \"") + longText + "\"}}")
        << QStringLiteral("got string \"%1\u2026\" (512000 characters)").arg(QString(60, u'a'));
    QTest::newRow("an unterminated long string")
        << (QByteArrayLiteral("{\"version\": 1, \"network\": {\"bind\": \"") + longText + "\n")
        << QStringLiteral("last read: '\"%1\u2026' (").arg(QString(59, u'a'));
}

void TestConfigBoundary::longValuesAreShortenedInMessages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    writeConfig(bytes);
    const auto run = runOcc({QStringLiteral("config"), QStringLiteral("validate")});
    QCOMPARE(run.code, 4);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err.left(2000)));
    QVERIFY2(run.all().size() < 600, qPrintable(run.all().left(2000)));

    // The same from the command line.
    const auto set = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.bind"), QString(100000, u'b')});
    QVERIFY(set.code != 0);
    QVERIFY2(set.all().size() < 600, qPrintable(set.all().left(2000)));
}

void TestConfigBoundary::limitsLeaveRoomForRealFiles()
{
    // 32 levels, unknown keys with long values and a file just under 1 MiB are still a valid config,
    // and a save keeps them.
    QByteArray deep = QByteArray(30, '[') + QByteArray(30, ']');
    QByteArray bytes = QByteArrayLiteral("{\"version\": 1, \"notes\": {\"deep\": ") + deep
        + QByteArrayLiteral(", \"text\": \"") + QByteArray(900 * 1024, 'x') + QByteArrayLiteral("\"}}\n");
    writeConfig(bytes);
    auto run = runOcc({QStringLiteral("config"), QStringLiteral("validate")});
    QVERIFY2(run.code == 0, qPrintable(run.all().left(2000)));
    run = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4300")});
    QVERIFY2(run.code == 0, qPrintable(run.all().left(2000)));
    const QByteArray after = readConfig();
    QVERIFY(after.contains(QByteArray(900 * 1024, 'x')));
    QVERIFY(after.contains("4300"));
    QVERIFY(after.size() <= JsonFile::MaxBytes);
}

void TestConfigBoundary::parseNeedsNoFile()
{
    const auto parsed = ConfigStore::parse("{\"version\": 1, \"network\": {\"port\": 4321}}", QStringLiteral("mem"));
    QVERIFY2(parsed, qPrintable(parsed ? QString() : toString(parsed.error())));
    QCOMPARE(parsed->port, 4321);
    const auto broken = ConfigStore::parse("{\"version\": 1,\n \"network\": {\"port\": }}", QStringLiteral("mem"));
    QVERIFY(!broken);
    QCOMPARE(broken.error().first().line, 2);
    QCOMPARE(broken.error().first().file, QStringLiteral("mem"));
}

QTEST_GUILESS_MAIN(TestConfigBoundary)
#include "TestConfigBoundary.moc"
