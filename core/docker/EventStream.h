#pragma once

#include "core/docker/DockerError.h"
#include "core/docker/DockerTypes.h"
#include "core/docker/JsonLineBuffer.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace occ {

// A running GET /events: one eventReceived() per JSON line, then finished() exactly once
// (Connection when the engine went away, Cancelled after cancel(), Parse on a line that is
// not an event). The stream has no end of its own unless `until` was given; callers that
// need events across an engine restart open a new one with `since` = the last event's time.
// Created by DockerClient::events(); it owns its reply and aborts it when destroyed.
class EventStream : public QObject
{
    Q_OBJECT
public:
    explicit EventStream(QNetworkReply* reply, QObject* parent = nullptr);
    explicit EventStream(const DockerError& error, QObject* parent = nullptr);
    ~EventStream() override;

    bool isFinished() const { return m_finished; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void eventReceived(const occ::DockerEvent& event);
    void finished(const occ::DockerError& error);

private:
    void handleReadyRead();
    void handleFinished();
    bool handleLine(const QByteArray& line);
    void finish(const DockerError& error);

    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
    bool m_cancelled = false;
    JsonLineBuffer m_lines;
    QByteArray m_errorBody;
};

} // namespace occ
