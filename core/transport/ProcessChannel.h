#pragma once

#include "core/transport/EngineChannel.h"

#include <QProcess>
#include <QStringList>

namespace occ {

// The stdio of a process as the connection: what the docker CLI does for ssh:// hosts, running
// `ssh HOST docker system dial-stdio`. Its stderr is kept (the last 16 KiB) for the error message, since
// that is where ssh says why it could not connect.
class ProcessChannel : public EngineChannel
{
    Q_OBJECT
public:
    ProcessChannel(QString program, QStringList arguments, QObject* parent = nullptr);
    ~ProcessChannel() override;

    // The channel for an ssh:// endpoint; OCC_SSH_PROGRAM replaces `ssh` (tests).
    static ProcessChannel* forSsh(const DockerEndpoint& endpoint, QObject* parent = nullptr);
    // The arguments we give ssh for an ssh:// endpoint (without the program name).
    static QStringList sshArguments(const DockerEndpoint& endpoint);

    void open() override;
    QIODevice* device() const override { return m_process; }
    QByteArray readAvailable() override;
    void close() override;

private:
    void handleFinished(int exitCode, QProcess::ExitStatus status);

    QString m_program;
    QStringList m_arguments;
    QProcess* m_process = nullptr;
    QByteArray m_stderr;
};

} // namespace occ
