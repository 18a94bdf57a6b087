#include "core/config/JsonFile.h"

#include "core/util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <map>
#include <string>
#include <vector>

namespace occ {

namespace {

using Json = JsonFile::Json;

ConfigError ioError(const QString& path, const QString& message)
{
    ConfigError error;
    error.kind = ConfigError::Kind::Io;
    error.file = path;
    error.message = message;
    return error;
}

ConfigError parseError(const QString& path, const QString& key, JsonFile::Position position, const QString& message)
{
    ConfigError error;
    error.kind = ConfigError::Kind::Parse;
    error.file = path;
    error.key = key;
    error.line = position.line;
    error.column = position.column;
    error.message = message;
    return error;
}

// "[json.exception.parse_error.101] parse error at line 4, column 3: syntax error while parsing object key -
// unexpected '}'; expected string literal" -> "unexpected '}'; expected string literal". Our own line and
// column replace nlohmann's, which counts bytes. nlohmann quotes the token it read ("last read: '...'"),
// which can be a whole unterminated 1 MB string: that part is shortened.
QString plainParseMessage(const char* what, JsonFile::Echo echo = JsonFile::Echo::Shortened)
{
    static const QRegularExpression prefix(QStringLiteral(
        R"(^\[json\.exception\.[a-z_]+\.\d+\]\s*(?:parse error(?: at line \d+, column \d+)?:\s*)?(?:syntax error while parsing [a-z ]+ - )?)"));
    static const QRegularExpression lastRead(QStringLiteral(R"(; last read: '(.*)'$)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    QString message = QString::fromUtf8(what);
    message.remove(prefix);
    const QRegularExpressionMatch match = lastRead.match(message);
    if (match.hasMatch()) {
        message = message.left(match.capturedStart());
        if (echo == JsonFile::Echo::Shortened) {
            const QString token = match.captured(1);
            message += QStringLiteral("; last read: '");
            message += token.size() <= QuoteLimit
                ? token + QLatin1Char('\'')
                : QStringLiteral("%1\u2026' (%2 characters)").arg(token.left(QuoteLimit)).arg(token.size());
        }
    }
    return message;
}

// First pass over the bytes: nlohmann's own (iterative) parser drives this handler, which builds nothing
// and stops at the first container nested deeper than MaxDepth.
class LimitsHandler
{
public:
    bool tooDeep = false;
    bool syntaxError = false;
    std::size_t errorByte = 0;
    std::string errorWhat;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return enter(); }
    bool key(std::string&) { return true; }
    bool end_object()
    {
        --m_depth;
        return true;
    }
    bool start_array(std::size_t) { return enter(); }
    bool end_array()
    {
        --m_depth;
        return true;
    }
    bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e)
    {
        syntaxError = true;
        errorByte = byte;
        errorWhat = e.what();
        return false;
    }

private:
    bool enter()
    {
        if (++m_depth > JsonFile::MaxDepth) {
            tooDeep = true;
            return false;
        }
        return true;
    }

    int m_depth = 0;
};

// Second pass, over text nlohmann accepted (or its accepted prefix): where each key of each object is,
// to report duplicates, and where the first container deeper than MaxDepth opens. A scan rather than
// nlohmann because nlohmann tells its handler no positions.
class KeyScanner
{
public:
    struct Duplicate
    {
        std::string key; // dotted path, e.g. "network.port"
        JsonFile::Position first;
        JsonFile::Position again;
    };

    explicit KeyScanner(const QByteArray& bytes)
        : m_bytes(bytes)
    { }

    // Stops at the first container deeper than MaxDepth; *tooDeepAt is where it opens.
    void run(std::vector<Duplicate>* duplicates, JsonFile::Position* tooDeepAt)
    {
        JsonFile::Position here;
        const qsizetype size = m_bytes.size();
        for (qsizetype i = 0; i < size; ++i) {
            const char c = m_bytes.at(i);
            if (c == '"') {
                const qsizetype start = i;
                const JsonFile::Position at = here;
                for (++i; i < size && m_bytes.at(i) != '"'; ++i) {
                    if (m_bytes.at(i) == '\\') {
                        ++i;
                    }
                }
                const QByteArray token = m_bytes.mid(start, i - start + 1);
                here.column += static_cast<int>(QString::fromUtf8(token).toUcs4().size());
                if (!m_frames.empty() && m_frames.back().object && m_frames.back().expectKey) {
                    Frame& frame = m_frames.back();
                    frame.lastKey = decode(token);
                    frame.expectKey = false;
                    auto [it, inserted] = frame.keys.emplace(frame.lastKey, at);
                    if (!inserted) {
                        duplicates->push_back({dotted(frame.path, frame.lastKey), it->second, at});
                    }
                }
                continue;
            }
            if (c == '\n') {
                ++here.line;
                here.column = 1;
                continue;
            }
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++here.column;
            }
            if (c == '{' || c == '[') {
                if (static_cast<int>(m_frames.size()) >= JsonFile::MaxDepth) {
                    *tooDeepAt = here;
                    --tooDeepAt->column;
                    return;
                }
                Frame frame;
                frame.object = c == '{';
                frame.expectKey = frame.object;
                frame.path = m_frames.empty() ? std::string() : m_frames.back().childPath();
                m_frames.push_back(std::move(frame));
            } else if (c == '}' || c == ']') {
                if (!m_frames.empty()) {
                    m_frames.pop_back();
                }
            } else if (c == ',' && !m_frames.empty()) {
                Frame& frame = m_frames.back();
                frame.expectKey = frame.object;
                ++frame.index;
            }
        }
    }

private:
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        std::string path;
        std::string lastKey;
        int index = 0; // arrays: the element we are in
        std::map<std::string, JsonFile::Position> keys;

        std::string childPath() const
        {
            return object ? dotted(path, lastKey) : path + "[" + std::to_string(index) + "]";
        }
    };

    static std::string dotted(const std::string& path, const std::string& key)
    {
        return path.empty() ? key : path + "." + key;
    }

    static std::string decode(const QByteArray& token)
    {
        if (!token.contains('\\')) {
            return token.mid(1, token.size() - 2).toStdString();
        }
        try {
            return Json::parse(token.constBegin(), token.constEnd()).get<std::string>();
        } catch (const Json::exception&) {
            return token.toStdString();
        }
    }

    const QByteArray& m_bytes;
    std::vector<Frame> m_frames;
};

constexpr std::size_t MaxDuplicatesReported = 10;

} // namespace

Result<JsonFile::Contents, ConfigError> JsonFile::read(const QString& path)
{
    Contents contents;
    QFile file(path);
    if (!file.exists()) {
        return contents;
    }
    errno = 0;
    if (!file.open(QIODevice::ReadOnly)) {
        const int errnum = errno;
        return ioError(path,
                       QStringLiteral("cannot read: %1")
                           .arg(errnum ? FileError::fromErrno(errnum, path, QString()).reason : file.errorString()));
    }
    contents.exists = true;
    contents.bytes = file.read(MaxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return ioError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    }
    return contents;
}

Result<JsonFile::Json, ConfigErrors> JsonFile::parse(const QByteArray& bytes, const QString& path, Echo echo)
{
    if (bytes.isEmpty()) {
        // Ours, not nlohmann's: 3.11.2 says "unexpected end of input", 3.11.3 (Debian 13, Ubuntu 24.04)
        // "attempting to parse an empty input; check that your input string or stream contains ...".
        return ConfigErrors{
            parseError(path, QString(), Position{}, QStringLiteral("unexpected end of input: the file is empty"))};
    }
    if (bytes.size() > MaxBytes) {
        ConfigError error = parseError(path, QString(), Position{},
                                       QStringLiteral("the file is larger than %1 bytes (1 MiB), the most "
                                                      "opencode-cloud reads; its own files are a few KB")
                                           .arg(MaxBytes));
        error.line = 0;
        return ConfigErrors{error};
    }

    LimitsHandler limits;
    const bool accepted = Json::sax_parse(bytes.constBegin(), bytes.constEnd(), &limits);
    if (limits.syntaxError) {
        return ConfigErrors{parseError(path, QString(), positionOf(bytes, limits.errorByte),
                                       plainParseMessage(limits.errorWhat.c_str(), echo))};
    }
    std::vector<KeyScanner::Duplicate> duplicates;
    Position tooDeepAt{0, 0};
    KeyScanner(bytes).run(&duplicates, &tooDeepAt);
    if (limits.tooDeep) {
        return ConfigErrors{parseError(path, QString(), tooDeepAt,
                                       QStringLiteral("nested more than %1 levels deep (arrays or objects inside each "
                                                      "other); opencode-cloud's files need 2")
                                           .arg(MaxDepth))};
    }
    if (!accepted) {
        return ConfigErrors{parseError(path, QString(), Position{}, QStringLiteral("not a JSON document"))};
    }
    if (!duplicates.empty()) {
        ConfigErrors errors;
        for (const KeyScanner::Duplicate& duplicate : duplicates) {
            if (static_cast<std::size_t>(errors.size()) == MaxDuplicatesReported) {
                errors << parseError(
                    path, QString(), duplicate.again,
                    QStringLiteral("and %1 more duplicate keys").arg(duplicates.size() - MaxDuplicatesReported));
                break;
            }
            errors << parseError(path, shortened(QString::fromStdString(duplicate.key)), duplicate.again,
                                 QStringLiteral("duplicate key, also on line %1 (only one can be kept; remove the "
                                                "other)")
                                     .arg(duplicate.first.line));
        }
        return errors;
    }

    try {
        return Json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const Json::parse_error& e) {
        return ConfigErrors{parseError(path, QString(), positionOf(bytes, e.byte), plainParseMessage(e.what(), echo))};
    } catch (const Json::exception& e) {
        ConfigError error = parseError(path, QString(), Position{}, plainParseMessage(e.what(), echo));
        error.line = 0;
        return ConfigErrors{error};
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
    errno = 0;
    if (!QDir().mkpath(parent)) {
        const int errnum = errno;
        QString message = QStringLiteral("cannot create folder %1").arg(QDir::toNativeSeparators(parent));
        if (errnum) {
            message += QStringLiteral(": ") + FileError::fromErrno(errnum, parent, QString()).reason;
        }
        return ioError(path, message);
    }
    errno = 0;
    if (!QDir().mkdir(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        && !QFileInfo(path).isDir()) {
        const int errnum = errno;
        return ioError(
            path,
            errnum
                ? QStringLiteral("cannot create folder: %1").arg(FileError::fromErrno(errnum, path, QString()).reason)
                : QStringLiteral("cannot create folder"));
    }
    return Unit{};
}

Result<Unit, ConfigError> JsonFile::writePrivate(const QString& path, const QByteArray& bytes)
{
    const auto dir = ensureDirectory(QFileInfo(path).absolutePath());
    if (!dir) {
        return dir.error();
    }
    const auto written = AtomicFile::write(path, bytes, AtomicFile::OwnerOnly);
    if (!written) {
        return fromFileError(written.error());
    }
    return Unit{};
}

ConfigError JsonFile::fromFileError(const FileError& error)
{
    // "…/config.json: cannot write: No space left on device; the file was left as it was"
    return ioError(error.path,
                   QStringLiteral("cannot %1: %2; the file was left as it was").arg(error.action, error.reason));
}

} // namespace occ
