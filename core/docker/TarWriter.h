#pragma once

#include <QByteArray>
#include <QString>

namespace occ {

// Builds a tar archive in memory: build contexts for POST /build and files for PUT .../archive.
// Headers are POSIX ustar. A path longer than ustar's 100-byte name is split into the 155-byte
// prefix field at a '/'; when no split fits it gets a PAX extended header ("path=..."), which,
// unlike GNU's ././@LongLink, Go's archive/tar (the engine's reader) accepts in a ustar archive.
// Paths are relative ("app/Dockerfile"); directories need no explicit entry unless their mode matters.
class TarWriter
{
public:
    static constexpr int BlockSize = 512;

    void addFile(const QString& path, const QByteArray& content, int mode = 0644, int uid = 0, int gid = 0,
                 qint64 mtime = 0);
    void addDirectory(const QString& path, int mode = 0755, int uid = 0, int gid = 0, qint64 mtime = 0);

    // The archive with its end-of-archive marker (two zero blocks). The writer stays usable.
    QByteArray data() const;
    int entryCount() const { return m_entries; }

private:
    void addEntry(const QByteArray& path, char type, const QByteArray& content, int mode, int uid, int gid,
                  qint64 mtime);
    void addPaxPath(const QByteArray& path, qint64 mtime);
    static QByteArray header(const QByteArray& name, const QByteArray& prefix, char type, qint64 size, int mode,
                             int uid, int gid, qint64 mtime);
    void appendPadded(const QByteArray& content);

    QByteArray m_data;
    int m_entries = 0;
};

} // namespace occ
