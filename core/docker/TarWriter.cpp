#include "core/docker/TarWriter.h"

#include <cstring>

namespace occ {

namespace {

constexpr int NameSize = 100;
constexpr int PrefixSize = 155;

// ustar numeric fields are octal, zero-padded, NUL-terminated.
void writeOctal(char* field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), static_cast<size_t>(width - 1));
    field[width - 1] = '\0';
}

QByteArray normalized(const QString& path, bool directory)
{
    QString p = path;
    while (p.startsWith(QLatin1Char('/'))) {
        p.remove(0, 1);
    }
    if (directory && !p.endsWith(QLatin1Char('/'))) {
        p.append(QLatin1Char('/'));
    }
    return p.toUtf8();
}

} // namespace

void TarWriter::addFile(const QString& path, const QByteArray& content, int mode, int uid, int gid, qint64 mtime)
{
    addEntry(normalized(path, false), '0', content, mode, uid, gid, mtime);
}

void TarWriter::addDirectory(const QString& path, int mode, int uid, int gid, qint64 mtime)
{
    addEntry(normalized(path, true), '5', QByteArray(), mode, uid, gid, mtime);
}

QByteArray TarWriter::data() const
{
    return m_data + QByteArray(2 * BlockSize, '\0');
}

void TarWriter::addEntry(const QByteArray& path, char type, const QByteArray& content, int mode, int uid, int gid,
                         qint64 mtime)
{
    QByteArray name = path;
    QByteArray prefix;
    if (path.size() > NameSize) {
        // Split at the last '/' that leaves a non-empty name of at most 100 bytes and a prefix of at most
        // 155 (a directory's own trailing '/' stays in the name).
        int split = -1;
        for (int i = path.size() - 1; i > 0; --i) {
            if (path.at(i) == '/' && path.size() - i - 1 <= NameSize && i <= PrefixSize && i < path.size() - 1) {
                split = i;
                break;
            }
        }
        if (split > 0) {
            prefix = path.left(split);
            name = path.mid(split + 1);
        } else {
            addPaxPath(path, mtime);
            name = path.left(NameSize);
        }
    }
    m_data += header(name, prefix, type, content.size(), mode, uid, gid, mtime);
    appendPadded(content);
    ++m_entries;
}

void TarWriter::addPaxPath(const QByteArray& path, qint64 mtime)
{
    // A record is "<length> path=<value>\n" where <length> counts the whole record, itself included.
    const QByteArray tail = " path=" + path + "\n";
    int length = tail.size() + 1;
    while (QByteArray::number(length).size() + tail.size() != length) {
        length = QByteArray::number(length).size() + tail.size();
    }
    const QByteArray record = QByteArray::number(length) + tail;
    m_data += header("PaxHeaders/" + path.right(NameSize - 11), QByteArray(), 'x', record.size(), 0644, 0, 0, mtime);
    appendPadded(record);
}

QByteArray TarWriter::header(const QByteArray& name, const QByteArray& prefix, char type, qint64 size, int mode,
                             int uid, int gid, qint64 mtime)
{
    QByteArray block(BlockSize, '\0');
    char* h = block.data();
    std::memcpy(h, name.constData(), static_cast<size_t>(qMin(name.size(), qsizetype(NameSize))));
    writeOctal(h + 100, 8, mode & 07777);
    writeOctal(h + 108, 8, uid);
    writeOctal(h + 116, 8, gid);
    writeOctal(h + 124, 12, size);
    writeOctal(h + 136, 12, mtime);
    h[156] = type;
    std::memcpy(h + 257, "ustar", 6); // magic "ustar\0"
    std::memcpy(h + 263, "00", 2); // version
    std::memcpy(h + 345, prefix.constData(), static_cast<size_t>(qMin(prefix.size(), qsizetype(PrefixSize))));
    // The checksum is computed with its own field as eight spaces.
    std::memset(h + 148, ' ', 8);
    unsigned int sum = 0;
    for (int i = 0; i < BlockSize; ++i) {
        sum += static_cast<unsigned char>(h[i]);
    }
    const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(h + 148, digits.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    return block;
}

void TarWriter::appendPadded(const QByteArray& content)
{
    m_data += content;
    const int rest = static_cast<int>(content.size() % BlockSize);
    if (rest != 0) {
        m_data += QByteArray(BlockSize - rest, '\0');
    }
}

} // namespace occ
