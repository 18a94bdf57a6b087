// Every write of ours on a real full disk (a tmpfs of a few pages) and as a user who may not write the
// folder: the old file stays byte for byte, the command fails, and the message names the system's cause.
// Issue 11's fault probe found `occ config set` leaving a 0-byte config.json and saying it succeeded.

#include "core/frontdoor/LocalCa.h"
#include "core/osservice/LocalFileWriter.h"
#include "core/util/AtomicFile.h"
#include "support/CliRunner.h"
#include "support/OtherUser.h"
#include "support/TinyDisk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;
using occ::test::runOcc;
using occ::test::TinyDisk;

namespace {

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// Everything in the folder but the filler: no temporary file may be left behind either.
QStringList filesIn(const QString& folder)
{
    QStringList names = QDir(folder).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    names.removeAll(QStringLiteral(".filler"));
    return names;
}

const QString NoSpace = QStringLiteral("No space left on device");

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void writesWithTheModeAskedAndLeavesNoTemporary();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
    void configSetOnAFullDiskKeepsTheConfig_data();
    void configSetOnAFullDiskKeepsTheConfig();
    void passwordSetOnAFullDiskKeepsThePassword();
    void passwordSetWithOnePageFreeSucceeds();
    void serviceUnitOnAFullDiskKeepsTheOldUnit();
    void localCaOnAFullDiskKeepsTheOldCertificate_data();
    void localCaOnAFullDiskKeepsTheOldCertificate();
    void folderThisUserMayNotWriteIsSaidSo();

private:
    QTemporaryDir m_scratch;
};

void TestAtomicFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_scratch.isValid());
    // No engine in these tests: a socket that does not exist.
    qputenv("DOCKER_HOST", QByteArray("unix://") + m_scratch.filePath(QStringLiteral("no-such.sock")).toUtf8());
    qunsetenv("DOCKER_CONTEXT");
}

void TestAtomicFile::writesWithTheModeAskedAndLeavesNoTemporary()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret.json"));
    QVERIFY(AtomicFile::write(path, "one"));
    QCOMPARE(contentsOf(path), QByteArray("one"));
    QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), AtomicFile::OwnerOnly);
    const QString unit = dir.filePath(QStringLiteral("unit.service"));
    QVERIFY(AtomicFile::write(unit, "two", AtomicFile::WorldReadable));
    QCOMPARE(QFile::permissions(unit) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), AtomicFile::WorldReadable);
    QVERIFY(AtomicFile::write(path, "three"));
    QCOMPARE(contentsOf(path), QByteArray("three"));
    QCOMPARE(filesIn(dir.path()), (QStringList{QStringLiteral("secret.json"), QStringLiteral("unit.service")}));

    const auto noFolder = AtomicFile::write(dir.filePath(QStringLiteral("missing/x")), "x");
    QVERIFY(!noFolder);
    QCOMPARE(noFolder.error().kind, FileError::Kind::NotFound);
    QVERIFY2(noFolder.error().toString().contains(QStringLiteral("missing/x")),
             qPrintable(noFolder.error().toString()));
}

void TestAtomicFile::fullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<int>("pagesFree");
    QTest::addColumn<int>("size");
    QTest::newRow("no room at all, a small file") << 0 << 100;
    QTest::newRow("one page free, a file of two pages") << 1 << 6000;
}

void TestAtomicFile::fullDiskKeepsTheOldFile()
{
    QFETCH(int, pagesFree);
    QFETCH(int, size);
    TinyDisk disk(32);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    const QString path = disk.filePath(QStringLiteral("file"));
    const QByteArray old(3000, 'o');
    QVERIFY(AtomicFile::write(path, old));
    QVERIFY(disk.fill(pagesFree));

    const auto written = AtomicFile::write(path, QByteArray(size, 'n'));
    QVERIFY(!written);
    QCOMPARE(written.error().kind, FileError::Kind::NoSpace);
    QVERIFY2(written.error().toString().contains(NoSpace), qPrintable(written.error().toString()));
    QVERIFY2(written.error().toString().contains(path), qPrintable(written.error().toString()));
    QCOMPARE(contentsOf(path), old);
    QCOMPARE(filesIn(disk.path()), QStringList{QStringLiteral("file")});

    disk.empty();
    QVERIFY(AtomicFile::write(path, QByteArray(size, 'n')));
    QCOMPARE(contentsOf(path), QByteArray(size, 'n'));
}

void TestAtomicFile::configSetOnAFullDiskKeepsTheConfig_data()
{
    QTest::addColumn<int>("pagesFree");
    // One page: the lock file fits and config.json does not (the probe's case: "success", 0 bytes).
    QTest::newRow("one page free") << 1;
    // None: not even the lock file fits (the probe's case: "another process is changing the config").
    QTest::newRow("no room at all") << 0;
}

void TestAtomicFile::configSetOnAFullDiskKeepsTheConfig()
{
    QFETCH(int, pagesFree);
    TinyDisk disk(32);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    const QString config = disk.filePath(QStringLiteral("cfg/config.json"));
    qputenv("OCC_CONFIG", config.toUtf8());
    auto run = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4100")});
    QVERIFY2(run.code == 0, qPrintable(run.all()));
    const QByteArray before = contentsOf(config);
    QVERIFY(before.contains("4100"));
    QVERIFY(disk.fill(pagesFree));

    run = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4200")});
    QVERIFY2(run.code != 0, qPrintable(run.all()));
    QVERIFY2(run.err.contains(NoSpace), qPrintable(run.all()));
    QVERIFY2(!run.err.contains(QStringLiteral("another opencode-cloud process")), qPrintable(run.all()));
    QCOMPARE(contentsOf(config), before);
    QCOMPARE(filesIn(QFileInfo(config).path()), QStringList{QStringLiteral("config.json")});

    disk.empty();
    run = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4200")});
    QVERIFY2(run.code == 0, qPrintable(run.all()));
    QVERIFY(contentsOf(config).contains("4200"));
}

void TestAtomicFile::passwordSetOnAFullDiskKeepsThePassword()
{
    TinyDisk disk(32);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    const QString config = disk.filePath(QStringLiteral("cfg/config.json"));
    const QString credentials = disk.filePath(QStringLiteral("cfg/credentials.json"));
    qputenv("OCC_CONFIG", config.toUtf8());
    auto run = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4100")});
    QVERIFY2(run.code == 0, qPrintable(run.all()));
    run = runOcc({QStringLiteral("password"), QStringLiteral("set")}, {QStringLiteral("Old-Harbour-Lantern-1987")});
    QVERIFY2(run.code == 0, qPrintable(run.all()));
    const QByteArray before = contentsOf(credentials);
    QVERIFY(before.contains("Old-Harbour-Lantern-1987"));
    QVERIFY(disk.fill(0));

    run = runOcc({QStringLiteral("password"), QStringLiteral("set")}, {QStringLiteral("New-Meadow-Compass-2024")});
    QVERIFY2(run.code != 0, qPrintable(run.all()));
    QVERIFY2(run.err.contains(NoSpace), qPrintable(run.all()));
    QVERIFY2(!run.all().contains(QStringLiteral("Password saved")), qPrintable(run.all()));
    QCOMPARE(contentsOf(credentials), before);
    QCOMPARE(filesIn(QFileInfo(config).path()),
             (QStringList{QStringLiteral("config.json"), QStringLiteral("credentials.json")}));
}

void TestAtomicFile::passwordSetWithOnePageFreeSucceeds()
{
    // The credentials fit in one page: a nearly full disk is no reason to fail.
    TinyDisk disk(32);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    const QString config = disk.filePath(QStringLiteral("cfg/config.json"));
    const QString credentials = disk.filePath(QStringLiteral("cfg/credentials.json"));
    qputenv("OCC_CONFIG", config.toUtf8());
    auto run = runOcc(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4100")});
    QVERIFY2(run.code == 0, qPrintable(run.all()));
    run = runOcc({QStringLiteral("password"), QStringLiteral("set")}, {QStringLiteral("Old-Harbour-Lantern-1987")});
    QVERIFY2(run.code == 0, qPrintable(run.all()));
    QVERIFY(disk.fill(1));
    run = runOcc({QStringLiteral("password"), QStringLiteral("set")}, {QStringLiteral("New-Meadow-Compass-2024")});
    QVERIFY2(run.all().contains(QStringLiteral("Password saved")), qPrintable(run.all()));
    QVERIFY(contentsOf(credentials).contains("New-Meadow-Compass-2024"));
}

void TestAtomicFile::serviceUnitOnAFullDiskKeepsTheOldUnit()
{
    TinyDisk disk(32);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    LocalFileWriter writer(disk.path());
    const QString unit = QStringLiteral("/etc/systemd/system/opencode-cloud.service");
    QString error;
    const QByteArray old = "[Unit]\nDescription=old\n";
    QVERIFY2(writer.write(unit, old, &error), qPrintable(error));
    QCOMPARE(QFile::permissions(writer.hostPath(unit)) & QFileDevice::ReadOther, QFileDevice::ReadOther);
    QVERIFY(disk.fill(0));

    QVERIFY(!writer.write(unit, "[Unit]\nDescription=new\n", &error));
    QVERIFY2(error.contains(NoSpace), qPrintable(error));
    QCOMPARE(writer.read(unit).value_or(QByteArray()), old);
    QCOMPARE(filesIn(QFileInfo(writer.hostPath(unit)).path()), QStringList{QStringLiteral("opencode-cloud.service")});
}

void TestAtomicFile::localCaOnAFullDiskKeepsTheOldCertificate_data()
{
    QTest::addColumn<int>("pagesFree");
    QTest::addColumn<QString>("cause");
    QTest::newRow("no room at all") << 0 << QStringLiteral("server.ext: No space left on device");
    // openssl's own writes fail and it does not notice: the next step finds an empty request.
    QTest::newRow("room for the extensions file only")
        << 1 << QStringLiteral(": No space left on device (openssl x509 failed");
    // openssl's four files (extensions, key, request, certificate) fit; installing the new key does not.
    QTest::newRow("room for openssl's files only") << 4 << QStringLiteral("server.key: No space left on device");
}

void TestAtomicFile::localCaOnAFullDiskKeepsTheOldCertificate()
{
    QFETCH(int, pagesFree);
    QFETCH(QString, cause);
    TinyDisk disk(128);
    QVERIFY2(disk.isValid(), qPrintable(disk.error()));
    const QString tls = disk.filePath(QStringLiteral("tls"));
    const auto made = LocalCa::ensure(tls, {QStringLiteral("localhost")});
    QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    const QStringList names = filesIn(tls);
    QMap<QString, QByteArray> before;
    for (const QString& name : names) {
        before[name] = contentsOf(QDir(tls).filePath(name));
    }
    QVERIFY(disk.fill(pagesFree));

    // New names need a new server certificate, and there is no room for it.
    const auto renewed = LocalCa::ensure(tls, {QStringLiteral("localhost"), QStringLiteral("opencode.lan")});
    QVERIFY(!renewed);
    QVERIFY2(renewed.error().message.contains(cause), qPrintable(renewed.error().message));
    QCOMPARE(filesIn(tls), names);
    for (const QString& name : names) {
        QCOMPARE(contentsOf(QDir(tls).filePath(name)), before.value(name));
    }

    disk.empty();
    const auto again = LocalCa::ensure(tls, {QStringLiteral("localhost"), QStringLiteral("opencode.lan")});
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QVERIFY(again->serverCreated && !again->caCreated);
    QCOMPARE(contentsOf(QDir(tls).filePath(QStringLiteral("ca.key"))), before.value(QStringLiteral("ca.key")));
}

void TestAtomicFile::folderThisUserMayNotWriteIsSaidSo()
{
    // A config folder owned by root that `nobody` may read but not write.
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const auto rwxr_xr_x = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(base.path(), rwxr_xr_x));
    const QString folder = base.filePath(QStringLiteral("cfg"));
    const QString config = folder + QStringLiteral("/config.json");
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, rwxr_xr_x));
    QVERIFY(AtomicFile::write(config, "{\"version\": 1, \"network\": {\"port\": 4100}}\n", AtomicFile::WorldReadable));
    const QByteArray before = contentsOf(config);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QFile::setPermissions(home.path(), rwxr_xr_x | QFileDevice::WriteOther | QFileDevice::WriteGroup));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("OCC_CONFIG"), config);
    QTemporaryDir bin;
    const QString occBinary = occ::test::executableForOtherUsers(QStringLiteral(OCC_BINARY_DIR "/cli/occ"), bin);
    QVERIFY(!occBinary.isEmpty());
    const auto run = occ::test::runOccBinary({QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                              occBinary, QStringLiteral("config"), QStringLiteral("set"),
                                              QStringLiteral("network.port"), QStringLiteral("4200")},
                                             env, QStringLiteral("/usr/sbin/runuser"));
    QVERIFY2(run.code > 0, qPrintable(run.all()));
    QVERIFY2(run.err.contains(QStringLiteral("Permission denied")), qPrintable(run.all()));
    QVERIFY2(!run.err.contains(QStringLiteral("another opencode-cloud process")), qPrintable(run.all()));
    QCOMPARE(contentsOf(config), before);
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
