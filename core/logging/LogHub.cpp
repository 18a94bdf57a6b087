#include "core/logging/LogHub.h"

#include "core/logging/RingBufferSink.h"

#include <QMetaObject>

namespace occ {

LogHub::LogHub(std::shared_ptr<RingBufferSink> sink, QObject* parent)
    : QObject(parent)
    , m_sink(std::move(sink))
{
    if (!m_sink) {
        return;
    }
    m_listenerId = m_sink->addListener([this](const RingBufferSink::Record& record) {
        const QString line = record.line;
        const int level = record.level;
        QMetaObject::invokeMethod(
            this, [this, line, level]() { Q_EMIT logRecorded(line, level); }, Qt::QueuedConnection);
    });
}

LogHub::~LogHub()
{
    // Takes the sink's lock, so once this returns no logging thread can still be posting to us.
    if (m_sink) {
        m_sink->removeListener(m_listenerId);
    }
}

QStringList LogHub::backlog() const
{
    return m_sink ? m_sink->lines() : QStringList();
}

} // namespace occ
