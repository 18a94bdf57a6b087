#pragma once

#include "core/docker/DockerTypes.h"
#include "core/docker/EngineStream.h"
#include "core/docker/JsonLineBuffer.h"

namespace occ {

// A running GET /events: one eventReceived() per JSON line, then finished() exactly once
// (Connection when the engine went away, Cancelled after cancel(), Parse on a line that is
// not an event). The stream has no end of its own unless `until` was given; callers that
// need events across an engine restart open a new one with `since` = the last event's time.
// Created by DockerClient::events(); it owns its reply and aborts it when destroyed.
class EventStream : public EngineStream
{
    Q_OBJECT
public:
    explicit EventStream(QNetworkReply* reply, QObject* parent = nullptr);
    explicit EventStream(const DockerError& error, QObject* parent = nullptr);

Q_SIGNALS:
    void eventReceived(const occ::DockerEvent& event);

protected:
    void consume(const QByteArray& chunk) override;
    DockerError atEnd() override;

private:
    bool handleLine(const QByteArray& line);

    JsonLineBuffer m_lines;
};

} // namespace occ
