#include "core/docker/EventStream.h"

namespace occ {

EventStream::EventStream(QNetworkReply* reply, QObject* parent)
    : EngineStream(reply, parent)
{
    qRegisterMetaType<occ::DockerEvent>();
}

EventStream::EventStream(const DockerError& error, QObject* parent)
    : EngineStream(error, parent)
{ }

void EventStream::consume(const QByteArray& chunk)
{
    for (const QByteArray& line : m_lines.append(chunk)) {
        if (!handleLine(line)) {
            return;
        }
    }
}

DockerError EventStream::atEnd()
{
    const QByteArray rest = m_lines.takeRest();
    if (!rest.isEmpty()) {
        handleLine(rest);
    }
    return {};
}

bool EventStream::handleLine(const QByteArray& line)
{
    auto json = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (!json.is_object()) {
        fail(DockerError(DockerError::Category::Parse,
                         QStringLiteral("event is not a JSON object: %1").arg(QString::fromUtf8(line.left(200)))));
        return false;
    }
    Q_EMIT eventReceived(DockerEvent::fromJson(json));
    return !isFinished(); // a receiver may have cancelled
}

} // namespace occ
