#pragma once

#include <QByteArray>
#include <QVector>

namespace occ {

// Reassembles the engine's JSON-lines streams (build progress, events, pull progress), whose
// objects arrive split across chunks at arbitrary bytes. Lines end in "\n" (build adds "\r").
class JsonLineBuffer
{
public:
    // The complete, non-blank lines this chunk finished, without their line ends.
    QVector<QByteArray> append(const QByteArray& chunk);
    // Whatever is left once the stream ended (an object without a final newline), then empties.
    QByteArray takeRest();
    bool isEmpty() const { return m_pending.trimmed().isEmpty(); }

private:
    QByteArray m_pending;
};

} // namespace occ
