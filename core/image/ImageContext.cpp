#include "core/image/ImageContext.h"

#include "core/docker/TarWriter.h"
#include "core/image/ImageLayout.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <mutex>

// Q_INIT_RESOURCE must be used outside any namespace. The resources live in an object library
// that Qt propagates to whoever links occ_image, but calling the initialiser makes the reference
// explicit, so no linker can drop them.
static void initDockerContextResources()
{
    Q_INIT_RESOURCE(docker_context);
}

namespace occ {

namespace {

const QString ResourcePrefix = QStringLiteral(":/docker/");

// The files of docker/ that go into every context, with their modes.
struct EmbeddedFile
{
    const char* name;
    int mode;
};
constexpr EmbeddedFile EmbeddedFiles[] = {
    {"Dockerfile", 0644},
    {"occ-entrypoint", 0755},
    {"occ-healthcheck", 0755},
};

// sha512 of the npm platform tarballs, from the registry's dist.integrity. Only versions occ pins;
// a version not listed is downloaded without this extra check (TLS still applies).
struct KnownTarball
{
    const char* version;
    const char* arch;
    const char* sha512;
};
constexpr KnownTarball KnownTarballs[] = {
    {"1.18.33", "x64",
     "abfb7fde9d824f1393f72da4be37ac6ff2d969bdbed5eaa5861580d3605eea68d3b6662d341701b2b239c83a38170ed948f056da8c8c20630"
     "d"
     "46a88a4238805b"},
};

void ensureResources()
{
    static std::once_flag once;
    std::call_once(once, [] { initDockerContextResources(); });
}

ImageError error(ImageError::Kind kind, const QString& message)
{
    return ImageError{kind, message};
}

std::optional<ImageError> validate(const ImageOptions& o)
{
    // Docker's reference grammar, without a registry host: lower-case path components.
    static const QRegularExpression name(
        QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$"));
    // The version ends up in a tag and in the download URL.
    static const QRegularExpression version(QStringLiteral("^[0-9A-Za-z][0-9A-Za-z.-]{0,127}$"));
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (!name.match(o.imageName).hasMatch()) {
        return error(ImageError::Kind::InvalidOption,
                     QStringLiteral("'%1' is not a valid image name (lower-case letters, digits, '.', '_', '-', '/').")
                         .arg(o.imageName));
    }
    if (!version.match(o.opencodeVersion).hasMatch()) {
        return error(
            ImageError::Kind::InvalidOption,
            QStringLiteral("'%1' is not a valid opencode version (for example 1.18.33).").arg(o.opencodeVersion));
    }
    if (o.baseImage.isEmpty() || o.baseImage.contains(whitespace)) {
        return error(ImageError::Kind::InvalidOption,
                     QStringLiteral("'%1' is not a valid base image (for example ubuntu:24.04).").arg(o.baseImage));
    }
    return std::nullopt;
}

Result<QByteArray, ImageError> readBinary(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return error(ImageError::Kind::BinaryNotFound,
                     QStringLiteral("The opencode binary %1 does not exist.").arg(path));
    }
    if (!info.isFile()) {
        return error(ImageError::Kind::BinaryNotFound, QStringLiteral("%1 is not a file.").arg(path));
    }
    if (!info.isExecutable()) {
        return error(ImageError::Kind::BinaryNotExecutable,
                     QStringLiteral("The opencode binary %1 is not executable (chmod +x it).").arg(path));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return error(ImageError::Kind::Io,
                     QStringLiteral("Cannot read the opencode binary %1: %2").arg(path, file.errorString()));
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return error(ImageError::Kind::Io,
                     QStringLiteral("Cannot read the opencode binary %1: %2").arg(path, file.errorString()));
    }
    // The image is Linux; a macOS or Windows opencode from the host would only fail inside the build.
    if (!bytes.startsWith("\x7f"
                          "ELF")) {
        return error(
            ImageError::Kind::BinaryNotExecutable,
            QStringLiteral("%1 is not a Linux executable; the image needs opencode for Linux "
                           "(npm package opencode-linux-x64 or opencode-linux-arm64, file package/bin/opencode).")
                .arg(path));
    }
    return bytes;
}

struct CaCert
{
    QString name; // flat file name inside ca-certificates/
    QByteArray pem;
};

// update-ca-certificates takes *.crt files anywhere below /usr/local/share/ca-certificates; the
// context flattens them into one directory, sub directories becoming part of the name.
Result<std::vector<CaCert>, ImageError> readCaCerts(const QString& dirPath)
{
    const QDir dir(dirPath);
    if (!dir.exists()) {
        return error(ImageError::Kind::CaCertsMissing,
                     QStringLiteral("Extra CA certificates were requested but %1 does not exist.").arg(dirPath));
    }
    QStringList relative;
    QDirIterator it(dirPath, {QStringLiteral("*.crt")}, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        relative << dir.relativeFilePath(it.next());
    }
    relative.sort();
    if (relative.isEmpty()) {
        return error(
            ImageError::Kind::CaCertsMissing,
            QStringLiteral("Extra CA certificates were requested but %1 has no readable *.crt file.").arg(dirPath));
    }
    std::vector<CaCert> certs;
    for (const QString& rel : relative) {
        QFile file(dir.filePath(rel));
        if (!file.open(QIODevice::ReadOnly)) {
            return error(ImageError::Kind::Io,
                         QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
        const QByteArray pem = file.readAll();
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return error(ImageError::Kind::CaCertsMissing,
                         QStringLiteral("%1 is not a PEM certificate; update-ca-certificates would ignore it.")
                             .arg(file.fileName()));
        }
        certs.push_back({QString(rel).replace(QLatin1Char('/'), QLatin1Char('_')), pem});
    }
    return certs;
}

} // namespace

QStringList ImageContext::embeddedFileNames()
{
    QStringList names;
    for (const EmbeddedFile& f : EmbeddedFiles) {
        names << QLatin1String(f.name);
    }
    return names;
}

QByteArray ImageContext::embeddedFile(const QString& name)
{
    ensureResources();
    QFile file(ResourcePrefix + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

QString ImageContext::knownTarballSha512(const QString& version, const QString& arch)
{
    for (const KnownTarball& t : KnownTarballs) {
        if (version == QLatin1String(t.version) && arch == QLatin1String(t.arch)) {
            return QLatin1String(t.sha512);
        }
    }
    return {};
}

QByteArray ImageContext::passwordArchive(const QByteArray& password)
{
    TarWriter tar;
    tar.addFile(image::PasswordFileName, password, 0400, image::Uid, image::Gid);
    return tar.data();
}

QString ImageContext::tag() const
{
    return m_options.imageName + QLatin1Char(':') + m_options.opencodeVersion;
}

QMap<QString, QString> ImageContext::labels() const
{
    return {
        {image::ManagedLabel, QStringLiteral("true")},
        {image::OpencodeVersionLabel, m_options.opencodeVersion},
        {image::ContextHashLabel, m_hash},
    };
}

Result<ImageContext, ImageError> ImageContext::create(const ImageOptions& options)
{
    if (auto invalid = validate(options)) {
        return *invalid;
    }

    ImageContext context;
    context.m_options = options;
    const bool fromContext = !options.opencodeBinary.isEmpty();

    // Read everything before writing, so errors come before any work. mtimes stay 0 and entries
    // sorted: the same inputs must give the same bytes, or the hash would call every image stale.
    std::vector<std::pair<QString, QByteArray>> embedded;
    for (const EmbeddedFile& f : EmbeddedFiles) {
        QByteArray bytes = embeddedFile(QLatin1String(f.name));
        if (bytes.isEmpty()) {
            return error(
                ImageError::Kind::MissingResource,
                QStringLiteral("The image file %1 is not embedded in this build of occ.").arg(QLatin1String(f.name)));
        }
        embedded.emplace_back(QLatin1String(f.name), std::move(bytes));
    }
    std::vector<CaCert> certs;
    if (options.extraCaCerts) {
        auto read = readCaCerts(options.caCertDir);
        if (!read) {
            return read.error();
        }
        certs = std::move(read).value();
    }

    TarWriter tar;
    int i = 0;
    for (const auto& [name, bytes] : embedded) {
        tar.addFile(name, bytes, EmbeddedFiles[i++].mode);
        context.m_entries << name;
    }
    if (fromContext) {
        // Read late and dropped right after, so the binary is in memory twice at most.
        auto binary = readBinary(options.opencodeBinary);
        if (!binary) {
            return binary.error();
        }
        tar.addFile(QStringLiteral("opencode"), binary.value(), 0755);
        context.m_entries << QStringLiteral("opencode");
    }
    if (!certs.empty()) {
        tar.addDirectory(QStringLiteral("ca-certificates"), 0755);
        context.m_entries << QStringLiteral("ca-certificates/");
        for (const CaCert& cert : certs) {
            const QString path = QStringLiteral("ca-certificates/") + cert.name;
            tar.addFile(path, cert.pem, 0644);
            context.m_entries << path;
        }
    }
    context.m_tar = tar.data();

    QMap<QString, QString>& args = context.m_buildArgs;
    args.insert(QStringLiteral("BASE_IMAGE"), options.baseImage);
    args.insert(QStringLiteral("OPENCODE_VERSION"), options.opencodeVersion);
    args.insert(QStringLiteral("OPENCODE_SOURCE"), fromContext ? QStringLiteral("context") : QStringLiteral("npm"));
    args.insert(QStringLiteral("EXTRA_CA_CERTS"), options.extraCaCerts ? QStringLiteral("1") : QStringLiteral("0"));
    if (!fromContext) {
        for (const QString& arch : {QStringLiteral("x64"), QStringLiteral("arm64")}) {
            const QString sha = knownTarballSha512(options.opencodeVersion, arch);
            if (!sha.isEmpty()) {
                args.insert(QStringLiteral("OPENCODE_SHA512_") + arch.toUpper(), sha);
            }
        }
    }

    // The hash covers what decides the image's content: the context bytes and the build args.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("occ-image-context/1\n");
    for (auto it = args.cbegin(); it != args.cend(); ++it) {
        hash.addData(QStringLiteral("%1=%2\n").arg(it.key(), it.value()).toUtf8());
    }
    hash.addData(context.m_tar);
    context.m_hash = QString::fromLatin1(hash.result().toHex());
    return context;
}

} // namespace occ
