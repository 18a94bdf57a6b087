#include "core/docker/TarWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using occ::TarWriter;

class TestTarWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsEntries();
    void extractsContentAndModes();
    void longNames_data();
    void longNames();
    void emptyArchiveIsValid();
    void blocksAreAligned();

private:
    QString run(const QStringList& args, const QByteArray& input, const QString& workDir = {});
};

void TestTarWriter::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tar")).isEmpty()) {
        QFAIL("no tar(1) to check the archives with");
    }
}

QString TestTarWriter::run(const QStringList& args, const QByteArray& input, const QString& workDir)
{
    QProcess tar;
    if (!workDir.isEmpty()) {
        tar.setWorkingDirectory(workDir);
    }
    tar.start(QStringLiteral("tar"), args);
    tar.write(input);
    tar.closeWriteChannel();
    if (!tar.waitForFinished(30000)) {
        return QStringLiteral("<tar hung>");
    }
    if (tar.exitCode() != 0) {
        return QStringLiteral("<tar failed: %1>").arg(QString::fromLocal8Bit(tar.readAllStandardError()));
    }
    return QString::fromLocal8Bit(tar.readAllStandardOutput());
}

void TestTarWriter::listsEntries()
{
    TarWriter tar;
    tar.addDirectory(QStringLiteral("app"));
    tar.addFile(QStringLiteral("app/Dockerfile"), "FROM scratch\n");
    tar.addFile(QStringLiteral("/run/secret"), "s3cret", 0600, 1000, 1001, 1700000000);
    QCOMPARE(tar.entryCount(), 3);
    const QString listing = run({QStringLiteral("-tf"), QStringLiteral("-")}, tar.data());
    QCOMPARE(listing, QStringLiteral("app/\napp/Dockerfile\nrun/secret\n"));

    const QString verbose =
        run({QStringLiteral("--numeric-owner"), QStringLiteral("-tvf"), QStringLiteral("-")}, tar.data());
    const QStringList lines = verbose.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith(QLatin1String("drwxr-xr-x 0/0")), qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith(QLatin1String("-rw-r--r-- 0/0")), qPrintable(lines[1]));
    QVERIFY2(lines[2].startsWith(QLatin1String("-rw------- 1000/1001")), qPrintable(lines[2]));
    QVERIFY2(lines[2].contains(QLatin1String(" 6 2023-11-1")), qPrintable(lines[2])); // size and mtime
}

void TestTarWriter::extractsContentAndModes()
{
    QByteArray binary(70000, '\0');
    for (int i = 0; i < binary.size(); ++i) {
        binary[i] = char(i % 251);
    }
    TarWriter tar;
    tar.addFile(QStringLiteral("bin/tool.sh"), "#!/bin/sh\necho ok\n", 0755);
    tar.addFile(QStringLiteral("data.bin"), binary);
    tar.addFile(QStringLiteral("empty"), QByteArray());
    tar.addFile(QStringLiteral("ünïcode/名前.txt"), "utf8");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(run({QStringLiteral("-xf"), QStringLiteral("-")}, tar.data(), dir.path()), QString());

    QFile script(dir.filePath(QStringLiteral("bin/tool.sh")));
    QVERIFY(script.open(QIODevice::ReadOnly));
    QCOMPARE(script.readAll(), QByteArray("#!/bin/sh\necho ok\n"));
    QVERIFY(QFileInfo(script.fileName()).permissions() & QFileDevice::ExeOwner);
    QFile data(dir.filePath(QStringLiteral("data.bin")));
    QVERIFY(data.open(QIODevice::ReadOnly));
    QVERIFY(data.readAll() == binary);
    QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("empty"))).size(), 0);
    QFile unicode(dir.filePath(QStringLiteral("ünïcode/名前.txt")));
    QVERIFY(unicode.open(QIODevice::ReadOnly));
    QCOMPARE(unicode.readAll(), QByteArray("utf8"));
}

void TestTarWriter::longNames_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("exactly 100 bytes fits the name field") << QString(100, QLatin1Char('n'));
    QTest::newRow("150 bytes with slashes uses the prefix field") << QString(60, QLatin1Char('a')) + QLatin1Char('/')
            + QString(40, QLatin1Char('b')) + QLatin1Char('/') + QString(48, QLatin1Char('c'));
    QTest::newRow("a 120-byte name without slashes needs a PAX header") << QString(120, QLatin1Char('x'));
    QTest::newRow("a 300-byte path fits neither field: PAX header")
        << QString(200, QLatin1Char('d')) + QLatin1Char('/') + QString(99, QLatin1Char('e'));
    QTest::newRow("a 101-byte last component: PAX header") << QStringLiteral("dir/") + QString(101, QLatin1Char('f'));
}

void TestTarWriter::longNames()
{
    QFETCH(QString, path);
    TarWriter tar;
    tar.addFile(path, "content of " + path.toUtf8());
    tar.addFile(QStringLiteral("after"), "next entry still aligned");
    QCOMPARE(run({QStringLiteral("-tf"), QStringLiteral("-")}, tar.data()), path + QStringLiteral("\nafter\n"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(run({QStringLiteral("-xf"), QStringLiteral("-")}, tar.data(), dir.path()), QString());
    QFile file(dir.filePath(path));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(file.readAll(), "content of " + path.toUtf8());
}

void TestTarWriter::emptyArchiveIsValid()
{
    TarWriter tar;
    QCOMPARE(tar.data().size(), 1024);
    QCOMPARE(run({QStringLiteral("-tf"), QStringLiteral("-")}, tar.data()), QString());
}

void TestTarWriter::blocksAreAligned()
{
    TarWriter tar;
    tar.addFile(QStringLiteral("a"), QByteArray(1, 'a'));
    tar.addFile(QStringLiteral("b"), QByteArray(512, 'b'));
    // header + 1 padded block, header + 1 block, end marker
    QCOMPARE(tar.data().size(), 512 * 2 + 512 * 2 + 1024);
}

QTEST_GUILESS_MAIN(TestTarWriter)
#include "TestTarWriter.moc"
