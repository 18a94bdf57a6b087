#include "core/config/JsonFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace occ {

namespace {

ConfigError ioError(const QString& path, const QString& message)
{
    ConfigError error;
    error.kind = ConfigError::Kind::Io;
    error.file = path;
    error.message = message;
    return error;
}

// "[json.exception.parse_error.101] parse error at line 4, column 3: syntax error while parsing object key -
// unexpected '}'; expected string literal" -> "unexpected '}'; expected string literal". Our own line and
// column replace nlohmann's, which counts bytes.
QString plainParseMessage(const char* what)
{
    static const QRegularExpression prefix(QStringLiteral(
        R"(^\[json\.exception\.[a-z_]+\.\d+\]\s*(?:parse error(?: at line \d+, column \d+)?:\s*)?(?:syntax error while parsing [a-z ]+ - )?)"));
    QString message = QString::fromUtf8(what);
    message.remove(prefix);
    return message;
}

} // namespace

Result<JsonFile::Contents, ConfigError> JsonFile::read(const QString& path)
{
    Contents contents;
    QFile file(path);
    if (!file.exists()) {
        return contents;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return ioError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    }
    contents.exists = true;
    contents.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return ioError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    }
    return contents;
}

Result<JsonFile::Json, ConfigError> JsonFile::parse(const QByteArray& bytes, const QString& path)
{
    ConfigError error;
    error.kind = ConfigError::Kind::Parse;
    error.file = path;
    if (bytes.isEmpty()) {
        // Ours, not nlohmann's: 3.11.2 says "unexpected end of input", 3.11.3 (Debian 13, Ubuntu 24.04)
        // "attempting to parse an empty input; check that your input string or stream contains ...".
        error.line = 1;
        error.column = 1;
        error.message = QStringLiteral("unexpected end of input: the file is empty");
        return error;
    }
    try {
        return Json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const Json::parse_error& e) {
        const Position position = positionOf(bytes, e.byte);
        error.line = position.line;
        error.column = position.column;
        error.message = plainParseMessage(e.what());
        return error;
    }
}

JsonFile::Position JsonFile::positionOf(const QByteArray& bytes, std::size_t byte)
{
    const qsizetype before = qBound<qsizetype>(0, static_cast<qsizetype>(byte) - 1, bytes.size());
    const QByteArray prefix = bytes.left(before);
    const qsizetype lineStart = prefix.lastIndexOf('\n') + 1;
    Position position;
    position.line = static_cast<int>(prefix.count('\n')) + 1;
    position.column = static_cast<int>(QString::fromUtf8(prefix.mid(lineStart)).toUcs4().size()) + 1;
    return position;
}

Result<Unit, ConfigError> JsonFile::ensureDirectory(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        return Unit{};
    }
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent)) {
        return ioError(path, QStringLiteral("cannot create folder %1").arg(QDir::toNativeSeparators(parent)));
    }
    if (!QDir().mkdir(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        && !QFileInfo(path).isDir()) {
        return ioError(path, QStringLiteral("cannot create folder"));
    }
    return Unit{};
}

Result<Unit, ConfigError> JsonFile::writePrivate(const QString& path, const QByteArray& bytes)
{
    const auto dir = ensureDirectory(QFileInfo(path).absolutePath());
    if (!dir) {
        return dir.error();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return ioError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    }
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return ioError(path, QStringLiteral("cannot write: %1").arg(reason));
    }
#ifndef Q_OS_WIN
    // On Windows the file inherits the ACL of the per-user %APPDATA%; Unix needs the mode.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return ioError(path, QStringLiteral("cannot restrict the file to its owner: %1").arg(reason));
    }
#endif
    if (!file.commit()) {
        return ioError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    }
    return Unit{};
}

} // namespace occ
