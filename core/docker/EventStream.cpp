#include "core/docker/EventStream.h"

#include <QNetworkReply>
#include <QTimer>

namespace occ {

EventStream::EventStream(QNetworkReply* reply, QObject* parent)
    : QObject(parent)
    , m_reply(reply)
{
    qRegisterMetaType<occ::DockerError>();
    qRegisterMetaType<occ::DockerEvent>();
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &EventStream::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &EventStream::handleFinished);
    if (reply->isFinished()) {
        QTimer::singleShot(0, this, &EventStream::handleFinished);
    }
}

EventStream::EventStream(const DockerError& error, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<occ::DockerError>();
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

EventStream::~EventStream()
{
    if (m_reply && !m_reply->isFinished()) {
        m_finished = true;
        m_reply->abort();
    }
}

void EventStream::cancel()
{
    if (m_finished) {
        return;
    }
    m_cancelled = true;
    if (m_reply && !m_reply->isFinished()) {
        m_reply->abort();
    } else {
        finish(DockerError(DockerError::Category::Cancelled, QStringLiteral("cancelled")));
    }
}

void EventStream::handleReadyRead()
{
    if (!m_reply || m_finished) {
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300) {
        m_errorBody += chunk;
        return;
    }
    for (const QByteArray& line : m_lines.append(chunk)) {
        if (!handleLine(line)) {
            m_reply->abort();
            return;
        }
    }
}

bool EventStream::handleLine(const QByteArray& line)
{
    auto json = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (!json.is_object()) {
        finish(DockerError(DockerError::Category::Parse,
                           QStringLiteral("event is not a JSON object: %1").arg(QString::fromUtf8(line.left(200)))));
        return false;
    }
    Q_EMIT eventReceived(DockerEvent::fromJson(json));
    return !m_finished; // a receiver may have cancelled
}

void EventStream::handleFinished()
{
    if (!m_reply || m_finished) {
        return;
    }
    handleReadyRead();
    if (m_finished) {
        return;
    }
    if (m_cancelled) {
        finish(DockerError(DockerError::Category::Cancelled, QStringLiteral("cancelled")));
        return;
    }
    DockerError error = DockerError::fromReply(m_reply, m_errorBody);
    if (!error.isError()) {
        const QByteArray rest = m_lines.takeRest();
        if (!rest.isEmpty() && !handleLine(rest)) {
            return;
        }
    }
    finish(error);
}

void EventStream::finish(const DockerError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(error);
}

} // namespace occ
