#include "core/transport/HttpResponseParser.h"

namespace occ {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isDigits(const QByteArray& s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

QByteArray HttpResponseParser::header(const QByteArray& name) const
{
    const auto it = m_headerIndex.constFind(name.toLower());
    return it == m_headerIndex.constEnd() ? QByteArray() : m_headers.at(*it).second;
}

bool HttpResponseParser::hasHeader(const QByteArray& name) const
{
    return m_headerIndex.contains(name.toLower());
}

QByteArray HttpResponseParser::takeBody()
{
    QByteArray out;
    out.swap(m_body);
    return out;
}

bool HttpResponseParser::fail(const QString& error)
{
    m_state = State::Error;
    m_error = error;
    m_buffer.clear();
    m_pos = 0;
    return false;
}

bool HttpResponseParser::takeLine(QByteArray* line)
{
    const qsizetype nl = m_buffer.indexOf('\n', m_pos);
    const bool inHeaderBlock = m_state == State::StatusLine || m_state == State::Headers || m_state == State::Trailers;
    const qsizetype limit = inHeaderBlock ? MaxHeaderBytes - m_headerBytes : qsizetype(MaxChunkLineBytes);
    const qsizetype lineBytes = (nl < 0 ? m_buffer.size() : nl + 1) - m_pos;
    if (lineBytes > limit) {
        fail(inHeaderBlock ? QStringLiteral("header block larger than %1 bytes").arg(MaxHeaderBytes)
                           : QStringLiteral("chunk-size line longer than %1 bytes").arg(MaxChunkLineBytes));
        return false;
    }
    if (nl < 0) {
        return false;
    }
    *line = m_buffer.mid(m_pos, nl - m_pos);
    if (line->endsWith('\r')) {
        line->chop(1);
    }
    m_pos = nl + 1;
    if (inHeaderBlock) {
        m_headerBytes += lineBytes;
    }
    return true;
}

bool HttpResponseParser::parseStatusLine(const QByteArray& line)
{
    // HTTP-version SP status-code SP [reason-phrase]; some servers drop the space before an empty reason.
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || (line[7] != '0' && line[7] != '1') || line[8] != ' ') {
        return fail(QStringLiteral("bad status line: \"%1\"").arg(QString::fromLatin1(line.left(80))));
    }
    const QByteArray code = line.mid(9, 3);
    if (!isDigits(code) || (line.size() > 12 && line[12] != ' ')) {
        return fail(QStringLiteral("bad status code in \"%1\"").arg(QString::fromLatin1(line.left(80))));
    }
    m_statusCode = code.toInt();
    if (m_statusCode < 100) {
        return fail(QStringLiteral("bad status code %1").arg(m_statusCode));
    }
    m_reason = line.mid(13);
    m_state = State::Headers;
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray& line, QList<QPair<QByteArray, QByteArray>>* into,
                                         QHash<QByteArray, qsizetype>* index)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        // Obsolete line folding (RFC 9112 5.2): a recipient may join it to the previous value with a space.
        if (into->isEmpty()) {
            return fail(QStringLiteral("continuation line before any header"));
        }
        into->last().second += ' ' + line.trimmed();
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        return fail(QStringLiteral("bad header line: \"%1\"").arg(QString::fromLatin1(line.left(80))));
    }
    const QByteArray name = line.left(colon);
    for (char c : name) {
        // Whitespace before the colon is a smuggling vector (RFC 9112 5.1): reject, do not trim.
        if (!isTokenChar(c)) {
            return fail(QStringLiteral("bad header name: \"%1\"").arg(QString::fromLatin1(name.left(80))));
        }
    }
    const QByteArray value = line.mid(colon + 1).trimmed();
    const QByteArray key = name.toLower();
    const auto it = index->constFind(key);
    if (it != index->constEnd()) {
        (*into)[*it].second += ", " + value;
        return true;
    }
    index->insert(key, into->size());
    into->append({name, value});
    return true;
}

bool HttpResponseParser::finishHeaders()
{
    if (m_statusCode >= 100 && m_statusCode < 200 && m_statusCode != 101) {
        // An interim response (100 Continue, 102, 103 Early Hints): the real one follows.
        resetForNextResponse();
        return true;
    }
    m_headersComplete = true;

    if (m_statusCode == 101) {
        m_state = State::Body;
        m_remaining = -1;
        return true;
    }

    const bool hasLength = hasHeader("Content-Length");
    const bool hasTransferEncoding = hasHeader("Transfer-Encoding");
    if (hasLength && hasTransferEncoding) {
        return fail(QStringLiteral("both Content-Length and Transfer-Encoding present"));
    }
    if (hasLength) {
        const QList<QByteArray> values = header("Content-Length").split(',');
        QByteArray first;
        for (const QByteArray& raw : values) {
            const QByteArray v = raw.trimmed();
            if (!isDigits(v) || v.size() > 18) {
                return fail(QStringLiteral("bad Content-Length \"%1\"").arg(QString::fromLatin1(v.left(40))));
            }
            if (first.isNull()) {
                first = v;
            } else if (v.toLongLong() != first.toLongLong()) {
                return fail(QStringLiteral("conflicting Content-Length values"));
            }
        }
        m_contentLength = first.toLongLong();
    }
    if (hasTransferEncoding) {
        const QList<QByteArray> codings = header("Transfer-Encoding").split(',');
        QByteArray last = codings.last();
        const qsizetype semicolon = last.indexOf(';');
        if (semicolon >= 0) {
            last.truncate(semicolon);
        }
        // A response whose final coding is not chunked is delimited by the connection closing.
        m_chunked = last.trimmed().toLower() == "chunked";
    }

    if (m_headRequest || m_statusCode == 204 || m_statusCode == 304) {
        m_state = State::Complete;
    } else if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_contentLength >= 0) {
        m_remaining = m_contentLength;
        m_state = m_remaining == 0 ? State::Complete : State::Body;
    } else {
        m_remaining = -1;
        m_state = State::Body;
    }
    return true;
}

bool HttpResponseParser::parseChunkSize(const QByteArray& line)
{
    qint64 size = 0;
    int digits = 0;
    qsizetype i = 0;
    for (; i < line.size(); ++i) {
        const int v = hexValue(line[i]);
        if (v < 0) {
            break;
        }
        if (++digits > 15) {
            return fail(QStringLiteral("chunk size too large"));
        }
        size = size * 16 + v;
    }
    if (digits == 0) {
        return fail(QStringLiteral("bad chunk size line: \"%1\"").arg(QString::fromLatin1(line.left(40))));
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    // The rest may only be chunk extensions, which we ignore.
    if (i < line.size() && line[i] != ';') {
        return fail(QStringLiteral("bad chunk size line: \"%1\"").arg(QString::fromLatin1(line.left(40))));
    }
    if (size == 0) {
        m_headerBytes = 0;
        m_state = State::Trailers;
    } else {
        m_remaining = size;
        m_state = State::ChunkData;
    }
    return true;
}

void HttpResponseParser::resetForNextResponse()
{
    m_state = State::StatusLine;
    m_headerBytes = 0;
    m_statusCode = 0;
    m_reason.clear();
    m_headers.clear();
    m_headerIndex.clear();
}

void HttpResponseParser::compact()
{
    if (m_pos >= m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 4096) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

bool HttpResponseParser::feed(const QByteArray& data)
{
    if (m_state == State::Error) {
        return false;
    }
    if (m_state == State::Complete) {
        return true;
    }
    m_buffer.append(data);
    while (m_state != State::Complete && m_state != State::Error && step()) { }
    if (m_state == State::Error) {
        return false;
    }
    compact();
    return true;
}

bool HttpResponseParser::step()
{
    switch (m_state) {
    case State::Body:
        return takeData(m_remaining < 0 ? -1 : m_remaining, State::Complete);
    case State::ChunkData:
        return takeData(m_remaining, State::ChunkDataEnd);
    case State::Complete:
    case State::Error:
        return false;
    default:
        break;
    }
    QByteArray line;
    return takeLine(&line) && handleLine(line);
}

bool HttpResponseParser::handleLine(const QByteArray& line)
{
    switch (m_state) {
    case State::StatusLine:
        return parseStatusLine(line);
    case State::Headers:
        return line.isEmpty() ? finishHeaders() : parseHeaderLine(line, &m_headers, &m_headerIndex);
    case State::ChunkSize:
        return parseChunkSize(line);
    case State::ChunkDataEnd:
        if (!line.isEmpty()) {
            return fail(QStringLiteral("chunk data longer than its size"));
        }
        m_state = State::ChunkSize;
        return true;
    case State::Trailers:
        if (line.isEmpty()) {
            m_state = State::Complete;
            return true;
        }
        return parseHeaderLine(line, &m_trailers, &m_trailerIndex);
    default:
        return false;
    }
}

bool HttpResponseParser::takeData(qint64 expected, State whenDone)
{
    const qsizetype available = m_buffer.size() - m_pos;
    if (available <= 0) {
        return false;
    }
    const qsizetype n = expected < 0 ? available : qMin<qint64>(available, expected);
    m_body.append(m_buffer.constData() + m_pos, n);
    m_pos += n;
    if (expected > 0) {
        m_remaining -= n;
        if (m_remaining == 0) {
            m_state = whenDone;
        }
    }
    return true;
}

bool HttpResponseParser::finish()
{
    if (m_state == State::Complete) {
        return true;
    }
    if (m_state == State::Error) {
        return false;
    }
    if (m_state == State::Body && m_remaining < 0) {
        m_state = State::Complete;
        return true;
    }
    m_truncated = true;
    const bool nothing = m_state == State::StatusLine && m_buffer.isEmpty() && !m_headersComplete;
    fail(nothing ? QStringLiteral("connection closed before any response")
                 : QStringLiteral("connection closed mid-response"));
    return false;
}

} // namespace occ
