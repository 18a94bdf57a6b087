#include "core/docker/JsonLineBuffer.h"

namespace occ {

QVector<QByteArray> JsonLineBuffer::append(const QByteArray& chunk)
{
    QVector<QByteArray> lines;
    m_pending.append(chunk);
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0) {
            break;
        }
        QByteArray line = m_pending.mid(start, newline - start).trimmed();
        if (!line.isEmpty()) {
            lines.append(std::move(line));
        }
        start = newline + 1;
    }
    m_pending.remove(0, start);
    return lines;
}

QByteArray JsonLineBuffer::takeRest()
{
    QByteArray rest = m_pending.trimmed();
    m_pending.clear();
    return rest;
}

} // namespace occ
