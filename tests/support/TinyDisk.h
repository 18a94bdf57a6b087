#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace occ::test {

// A real file system of a few pages (tmpfs), mounted on a temporary folder, that a test fills to the
// last byte or to the last page, to see what our writers do on a full disk. Needs root (CI and the dev
// container run tests as root); error() says why it could not be mounted, and tests fail with it rather
// than skip: a skipped full-disk test is how the bug shipped.
class TinyDisk
{
public:
    explicit TinyDisk(int kib)
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("cannot create a temporary folder");
            return;
        }
        if (::geteuid() != 0) {
            m_error = QStringLiteral("mounting a tmpfs needs root; run this test as root (CI does)");
            return;
        }
        const QByteArray options = QByteArrayLiteral("size=") + QByteArray::number(kib) + "k,nr_inodes=256,mode=0755";
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0, options.constData()) != 0) {
            m_error = QStringLiteral("cannot mount a tmpfs on %1: %2")
                          .arg(m_dir.path(), QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }

    ~TinyDisk()
    {
        if (m_mounted) {
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
        }
    }

    TinyDisk(const TinyDisk&) = delete;
    TinyDisk& operator=(const TinyDisk&) = delete;

    bool isValid() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

    // Fills the disk with a file of zeros until the system says ENOSPC, then gives back `pages` pages of
    // 4 KiB. True when the disk ends up with exactly that much room.
    bool fill(int pages = 0)
    {
        const QByteArray filler = QFile::encodeName(filePath(QStringLiteral(".filler")));
        const int fd = ::open(filler.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) {
            return false;
        }
        const QByteArray page(4096, '\0');
        off_t size = 0;
        for (;;) {
            const ssize_t n = ::write(fd, page.constData(), page.size());
            if (n <= 0) {
                break;
            }
            size += n;
        }
        const bool truncated = ::ftruncate(fd, size - off_t(pages) * 4096) == 0;
        ::close(fd);
        return truncated && freeBytes() == qint64(pages) * 4096;
    }

    // Frees what fill() took.
    void empty() { QFile::remove(filePath(QStringLiteral(".filler"))); }

    qint64 freeBytes() const
    {
        struct statvfs s = {};
        if (::statvfs(QFile::encodeName(path()).constData(), &s) != 0) {
            return -1;
        }
        return qint64(s.f_bavail) * qint64(s.f_frsize);
    }

private:
    QTemporaryDir m_dir;
    QString m_error;
    bool m_mounted = false;
};

} // namespace occ::test
