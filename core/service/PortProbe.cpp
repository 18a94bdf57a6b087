#include "core/service/PortProbe.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSet>
#include <QTcpServer>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace occ::PortProbe {

bool isFree(const QString& bind, int port)
{
    QHostAddress address(bind);
    if (bind.isEmpty() || bind == QLatin1String("localhost")) {
        address = QHostAddress::LocalHost;
    }
    QTcpServer server;
    // No SO_REUSEADDR semantics needed: a listening socket makes listen() fail either way.
    return server.listen(address, static_cast<quint16>(port));
}

int nextFree(const QString& bind, int from, int span)
{
    for (int port = from; port < from + span && port <= 65535; ++port) {
        if (isFree(bind, port)) {
            return port;
        }
    }
    return 0;
}

QString holder(int port)
{
#ifdef Q_OS_LINUX
    // 1. The socket inodes listening on the port (state 0A = LISTEN), IPv4 and IPv6.
    QSet<QString> inodes;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        f.readLine(); // header
        while (!f.atEnd()) {
            const QList<QByteArray> cols = f.readLine().simplified().split(' ');
            if (cols.size() < 10 || cols.at(3) != "0A") {
                continue;
            }
            const QByteArray local = cols.at(1);
            bool ok = false;
            const int p = local.mid(local.lastIndexOf(':') + 1).toInt(&ok, 16);
            if (ok && p == port) {
                inodes.insert(QString::fromLatin1(cols.at(9)));
            }
        }
    }
    if (inodes.isEmpty()) {
        return {};
    }
    // 2. The process that has one of them open (only our own processes unless we are root).
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        bool isPid = false;
        pid.toInt(&isPid);
        if (!isPid) {
            continue;
        }
        QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        const QStringList entries = fds.entryList(QDir::System | QDir::NoDotAndDotDot);
        for (const QString& fd : entries) {
            char buffer[64] = {};
            const QByteArray path = fds.filePath(fd).toLocal8Bit();
            const ssize_t n = ::readlink(path.constData(), buffer, sizeof(buffer) - 1);
            if (n <= 0) {
                continue;
            }
            const QString name = QString::fromLatin1(buffer, static_cast<qsizetype>(n));
            if (name.startsWith(QLatin1String("socket:[")) && inodes.contains(name.mid(8).chopped(1))) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                const QString command =
                    comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed() : QStringLiteral("?");
                return QStringLiteral("%1 (pid %2)").arg(command, pid);
            }
        }
    }
    return QStringLiteral("another user's process");
#else
    Q_UNUSED(port)
    return {};
#endif
}

} // namespace occ::PortProbe
