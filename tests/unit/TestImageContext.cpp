#include "core/image/ImageContext.h"
#include "core/image/ImageLayout.h"
#include "core/util/Version.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

struct TarEntry
{
    QString path;
    char type = '0';
    int mode = 0;
    int uid = 0;
    int gid = 0;
    qint64 mtime = 0;
    QByteArray content;
};

qint64 octal(const QByteArray& block, int offset, int width)
{
    return block.mid(offset, width).trimmed().replace('\0', "").toLongLong(nullptr, 8);
}

// A minimal ustar reader, enough to check what ImageContext wrote.
QList<TarEntry> readTar(const QByteArray& tar)
{
    QList<TarEntry> entries;
    int pos = 0;
    while (pos + 512 <= tar.size()) {
        const QByteArray block = tar.mid(pos, 512);
        if (block == QByteArray(512, '\0')) {
            break;
        }
        TarEntry e;
        const QByteArray name = block.left(100).split('\0').first();
        const QByteArray prefix = block.mid(345, 155).split('\0').first();
        e.path = QString::fromUtf8(prefix.isEmpty() ? name : prefix + '/' + name);
        e.mode = int(octal(block, 100, 8));
        e.uid = int(octal(block, 108, 8));
        e.gid = int(octal(block, 116, 8));
        const qint64 size = octal(block, 124, 12);
        e.mtime = octal(block, 136, 12);
        e.type = block.at(156);
        e.content = tar.mid(pos + 512, int(size));
        entries << e;
        pos += 512 + int((size + 511) / 512 * 512);
    }
    return entries;
}

const TarEntry* find(const QList<TarEntry>& entries, const QString& path)
{
    for (const TarEntry& e : entries) {
        if (e.path == path) {
            return &e;
        }
    }
    return nullptr;
}

QByteArray sourceFile(const QString& name)
{
    QFile f(QStringLiteral(OCC_SOURCE_DIR "/docker/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray FakePem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

bool writeFile(const QString& path, const QByteArray& bytes, QFile::Permissions perms = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
        return false;
    }
    f.close();
    return perms ? f.setPermissions(perms) : true;
}

const QFile::Permissions Executable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

} // namespace

class TestImageContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void embeddedFilesAreTheSourceFiles_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : ImageContext::embeddedFileNames()) {
            QTest::newRow(qPrintable(name)) << name;
        }
    }
    void embeddedFilesAreTheSourceFiles()
    {
        QFETCH(QString, name);
        const QByteArray embedded = ImageContext::embeddedFile(name);
        QVERIFY2(!embedded.isEmpty(), "the resource was dropped at link time");
        QCOMPARE(embedded, sourceFile(name));
    }

    void unknownEmbeddedFileIsEmpty() { QVERIFY(ImageContext::embeddedFile(QStringLiteral("nope")).isEmpty()); }

    void dockerfileDefaultsMatchTheBuild()
    {
        const QByteArray dockerfile = ImageContext::embeddedFile(QStringLiteral("Dockerfile"));
        QVERIFY(dockerfile.contains("ARG OPENCODE_VERSION=" + pinnedOpencodeVersion().toLatin1() + "\n"));
        QVERIFY(dockerfile.contains("ARG BASE_IMAGE=ubuntu:24.04\n"));
        QVERIFY(dockerfile.contains("EXPOSE " + QByteArray::number(image::Port)));
        // The paths occ relies on must be the ones the image creates and the scripts read.
        for (const QString& path : image::volumePaths()) {
            QVERIFY2(dockerfile.contains(path.toLatin1()), qPrintable(path));
        }
        QVERIFY(ImageContext::embeddedFile(QStringLiteral("occ-entrypoint"))
                    .contains(QByteArray(image::PasswordPath.data())));
        QVERIFY(ImageContext::embeddedFile(QStringLiteral("occ-healthcheck"))
                    .contains(QByteArray(image::PasswordPath.data())));
        QVERIFY(ImageContext::embeddedFile(QStringLiteral("occ-entrypoint")).contains("exit 78"));
        QCOMPARE(image::ExitNoPassword, 78);
    }

    void npmContextHasTheScriptsOnly()
    {
        auto context = ImageContext::create(ImageOptions{});
        QVERIFY2(context.ok(), qPrintable(context.error().message));
        const QList<TarEntry> entries = readTar(context->tar());
        QCOMPARE(context->entries(),
                 QStringList({QStringLiteral("Dockerfile"), QStringLiteral("occ-entrypoint"),
                              QStringLiteral("occ-healthcheck")}));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(find(entries, QStringLiteral("Dockerfile"))->mode, 0644);
        QCOMPARE(find(entries, QStringLiteral("occ-entrypoint"))->mode, 0755);
        QCOMPARE(find(entries, QStringLiteral("occ-healthcheck"))->mode, 0755);
        for (const TarEntry& e : entries) {
            QCOMPARE(e.mtime, qint64(0));
            QCOMPARE(e.uid, 0);
            QCOMPARE(e.content, sourceFile(e.path));
        }
    }

    void npmBuildArgsAndTag()
    {
        ImageOptions options;
        options.imageName = QStringLiteral("occ-img-test");
        options.baseImage = QStringLiteral("debian:bookworm");
        auto context = ImageContext::create(options);
        QVERIFY(context.ok());
        const auto args = context->buildArgs();
        QCOMPARE(args.value(QStringLiteral("BASE_IMAGE")), QStringLiteral("debian:bookworm"));
        QCOMPARE(args.value(QStringLiteral("OPENCODE_VERSION")), pinnedOpencodeVersion());
        QCOMPARE(args.value(QStringLiteral("OPENCODE_SOURCE")), QStringLiteral("npm"));
        QCOMPARE(args.value(QStringLiteral("EXTRA_CA_CERTS")), QStringLiteral("0"));
        // The pinned version's tarball is verified.
        QCOMPARE(args.value(QStringLiteral("OPENCODE_SHA512_X64")).size(), 128);
        QCOMPARE(context->tag(), QStringLiteral("occ-img-test:") + pinnedOpencodeVersion());
        const auto labels = context->labels();
        QCOMPARE(labels.value(image::ManagedLabel), QStringLiteral("true"));
        QCOMPARE(labels.value(image::OpencodeVersionLabel), pinnedOpencodeVersion());
        QCOMPARE(labels.value(image::ContextHashLabel), context->contextHash());
        QCOMPARE(context->contextHash().size(), 64);
    }

    void unknownVersionIsNotChecksummed()
    {
        ImageOptions options;
        options.opencodeVersion = QStringLiteral("9.9.9");
        auto context = ImageContext::create(options);
        QVERIFY(context.ok());
        QVERIFY(!context->buildArgs().contains(QStringLiteral("OPENCODE_SHA512_X64")));
        QVERIFY(!context->buildArgs().contains(QStringLiteral("OPENCODE_SHA512_ARM64")));
        QCOMPARE(context->tag(), QStringLiteral("opencode-cloud:9.9.9"));
    }

    void binaryIsCopiedInContextMode()
    {
        const QString path = m_tmp.filePath(QStringLiteral("opencode"));
        const QByteArray elf = QByteArray("\x7f"
                                          "ELF")
            + QByteArray(3000, 'x');
        QVERIFY(writeFile(path, elf, Executable));
        ImageOptions options;
        options.opencodeBinary = path;
        auto context = ImageContext::create(options);
        QVERIFY2(context.ok(), qPrintable(context.error().message));
        const QList<TarEntry> entries = readTar(context->tar());
        const TarEntry* binary = find(entries, QStringLiteral("opencode"));
        QVERIFY(binary);
        QCOMPARE(binary->mode, 0755);
        QCOMPARE(binary->content, elf);
        QCOMPARE(context->buildArgs().value(QStringLiteral("OPENCODE_SOURCE")), QStringLiteral("context"));
        // The download checksum is irrelevant for a copied binary.
        QVERIFY(!context->buildArgs().contains(QStringLiteral("OPENCODE_SHA512_X64")));
    }

    void caCertificatesAreCopied()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("corp")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("proxy.crt")), FakePem));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("corp/root.crt")), FakePem + "#2"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.txt")), "not a certificate"));
        ImageOptions options;
        options.extraCaCerts = true;
        options.caCertDir = dir.path();
        auto context = ImageContext::create(options);
        QVERIFY2(context.ok(), qPrintable(context.error().message));
        const QList<TarEntry> entries = readTar(context->tar());
        QCOMPARE(context->entries().mid(3),
                 QStringList({QStringLiteral("ca-certificates/"), QStringLiteral("ca-certificates/corp_root.crt"),
                              QStringLiteral("ca-certificates/proxy.crt")}));
        QCOMPARE(find(entries, QStringLiteral("ca-certificates/"))->type, '5');
        QCOMPARE(find(entries, QStringLiteral("ca-certificates/proxy.crt"))->content, FakePem);
        QCOMPARE(find(entries, QStringLiteral("ca-certificates/proxy.crt"))->mode, 0644);
        QCOMPARE(find(entries, QStringLiteral("ca-certificates/corp_root.crt"))->content, FakePem + "#2");
        QVERIFY(!find(entries, QStringLiteral("ca-certificates/notes.txt")));
        QCOMPARE(context->buildArgs().value(QStringLiteral("EXTRA_CA_CERTS")), QStringLiteral("1"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        using K = ImageError::Kind;
        QTest::newRow("a missing binary is reported") << "missing-binary" << int(K::BinaryNotFound) << "does not exist";
        QTest::newRow("a directory is not a binary") << "dir-binary" << int(K::BinaryNotFound) << "is not a file";
        QTest::newRow("a non-executable binary is reported")
            << "noexec-binary" << int(K::BinaryNotExecutable) << "chmod +x";
        QTest::newRow("a non-Linux binary is reported") << "macho-binary" << int(K::BinaryNotExecutable) << "Linux";
        QTest::newRow("a missing CA directory is reported")
            << "missing-ca-dir" << int(K::CaCertsMissing) << "does not exist";
        QTest::newRow("an empty CA directory is reported") << "empty-ca-dir" << int(K::CaCertsMissing) << "*.crt";
        QTest::newRow("a .crt that is not PEM is reported") << "bad-pem" << int(K::CaCertsMissing) << "not a PEM";
        QTest::newRow("an upper-case image name is refused") << "bad-name" << int(K::InvalidOption) << "image name";
        QTest::newRow("a version with a slash is refused") << "bad-version" << int(K::InvalidOption) << "version";
        QTest::newRow("an empty base image is refused") << "bad-base" << int(K::InvalidOption) << "base image";
    }
    void errors()
    {
        QFETCH(QString, setup);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ImageOptions options;
        const QString binary = dir.filePath(QStringLiteral("opencode"));
        if (setup == QLatin1String("missing-binary")) {
            options.opencodeBinary = binary;
        } else if (setup == QLatin1String("dir-binary")) {
            options.opencodeBinary = dir.path();
        } else if (setup == QLatin1String("noexec-binary")) {
            QVERIFY(writeFile(binary,
                              "\x7f"
                              "ELF",
                              QFile::ReadOwner | QFile::WriteOwner));
            options.opencodeBinary = binary;
        } else if (setup == QLatin1String("macho-binary")) {
            QVERIFY(writeFile(binary, "\xcf\xfa\xed\xfe", Executable));
            options.opencodeBinary = binary;
        } else if (setup == QLatin1String("missing-ca-dir")) {
            options.extraCaCerts = true;
            options.caCertDir = dir.filePath(QStringLiteral("nope"));
        } else if (setup == QLatin1String("empty-ca-dir")) {
            options.extraCaCerts = true;
            options.caCertDir = dir.path();
        } else if (setup == QLatin1String("bad-pem")) {
            QVERIFY(writeFile(dir.filePath(QStringLiteral("x.crt")), "garbage"));
            options.extraCaCerts = true;
            options.caCertDir = dir.path();
        } else if (setup == QLatin1String("bad-name")) {
            options.imageName = QStringLiteral("OpenCode");
        } else if (setup == QLatin1String("bad-version")) {
            options.opencodeVersion = QStringLiteral("1.0/../x");
        } else if (setup == QLatin1String("bad-base")) {
            options.baseImage = QString();
        }
        auto context = ImageContext::create(options);
        QVERIFY(!context.ok());
        QCOMPARE(int(context.error().kind), kind);
        QVERIFY2(context.error().message.contains(messagePart), qPrintable(context.error().message));
    }

    void hashIsStableAndFollowsTheInputs()
    {
        const QString path = m_tmp.filePath(QStringLiteral("hash-opencode"));
        QVERIFY(writeFile(path,
                          "\x7f"
                          "ELF one",
                          Executable));
        ImageOptions options;
        options.opencodeBinary = path;
        const QString first = ImageContext::create(options)->contextHash();
        QCOMPARE(ImageContext::create(options)->contextHash(), first);

        ImageOptions otherBase = options;
        otherBase.baseImage = QStringLiteral("debian:bookworm");
        QVERIFY(ImageContext::create(otherBase)->contextHash() != first);

        ImageOptions otherVersion = options;
        otherVersion.opencodeVersion = QStringLiteral("1.18.34");
        QVERIFY(ImageContext::create(otherVersion)->contextHash() != first);

        ImageOptions otherName = options;
        otherName.imageName = QStringLiteral("occ-img-other");
        QCOMPARE(ImageContext::create(otherName)->contextHash(), first); // the tag is not content

        QVERIFY(writeFile(path,
                          "\x7f"
                          "ELF two",
                          Executable));
        QVERIFY(ImageContext::create(options)->contextHash() != first);

        QVERIFY(ImageContext::create(ImageOptions{})->contextHash() != first);
    }

    void passwordArchiveIsReadableByTheUserOnly()
    {
        const QList<TarEntry> entries = readTar(ImageContext::passwordArchive("s3cret \"x\""));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].path, QStringLiteral("password"));
        QCOMPARE(entries[0].type, '0');
        QCOMPARE(entries[0].mode, 0400);
        QCOMPARE(entries[0].uid, image::Uid);
        QCOMPARE(entries[0].gid, image::Gid);
        QCOMPARE(entries[0].content, QByteArray("s3cret \"x\""));
        QCOMPARE(image::PasswordPath, QLatin1String("/run/opencode-cloud/password"));
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestImageContext)
#include "TestImageContext.moc"
