#include "core/transport/ProcessChannel.h"

#include "core/transport/DockerEndpoint.h"

namespace occ {

namespace {
constexpr int MaxStderrBytes = 16 * 1024;
} // namespace

ProcessChannel::ProcessChannel(QString program, QStringList arguments, QObject* parent)
    : EngineChannel(parent)
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
    , m_process(new QProcess(this))
{
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ProcessChannel::readyRead);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > MaxStderrBytes) {
            m_stderr = m_stderr.right(MaxStderrBytes);
        }
    });
    connect(m_process, &QProcess::bytesWritten, this, &ProcessChannel::bytesWritten);
    connect(m_process, &QProcess::finished, this, &ProcessChannel::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            Q_EMIT failed({QNetworkReply::HostNotFoundError, TransportError::SshFailed,
                           tr("Could not run ssh: %1").arg(m_process->errorString())});
        }
    });
}

ProcessChannel::~ProcessChannel()
{
    close();
}

ProcessChannel* ProcessChannel::forSsh(const DockerEndpoint& endpoint, QObject* parent)
{
    const QString program = qEnvironmentVariable("OCC_SSH_PROGRAM", QStringLiteral("ssh"));
    return new ProcessChannel(program, sshArguments(endpoint), parent);
}

QStringList ProcessChannel::sshArguments(const DockerEndpoint& endpoint)
{
    QStringList args = endpoint.sshOptions;
    // We cannot answer a password or host-key prompt: fail fast with ssh's message instead of hanging.
    args << QStringLiteral("-o") << QStringLiteral("BatchMode=yes");
    if (endpoint.port > 0) {
        args << QStringLiteral("-p") << QString::number(endpoint.port);
    }
    args << QStringLiteral("--") << endpoint.address << QStringLiteral("docker") << QStringLiteral("system")
         << QStringLiteral("dial-stdio");
    return args;
}

void ProcessChannel::open()
{
    m_process->start(m_program, m_arguments);
    // QProcess buffers what we write until the pipe is open, so the request may go out at once.
    if (m_process->state() != QProcess::NotRunning) {
        Q_EMIT opened();
    }
}

QByteArray ProcessChannel::readAvailable()
{
    return m_process->readAllStandardOutput();
}

void ProcessChannel::close()
{
    m_process->disconnect(this);
    disconnect();
    if (m_process->state() != QProcess::NotRunning) {
        // dial-stdio only ends when its connection does, and we are done with it. Reaping a SIGKILLed
        // child takes no time, and leaves no process for QProcess's destructor to warn about.
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void ProcessChannel::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    // The last output can arrive together with the exit: hand it over before the end.
    if (m_process->bytesAvailable() > 0) {
        Q_EMIT readyRead();
    }
    m_stderr += m_process->readAllStandardError();
    ChannelFailure failure;
    if (exitCode != 0 || status != QProcess::NormalExit) {
        failure = {QNetworkReply::HostNotFoundError, TransportError::SshFailed,
                   tr("ssh failed (exit code %1): %2").arg(exitCode).arg(QString::fromLocal8Bit(m_stderr).trimmed())};
    }
    Q_EMIT closed(failure);
}

} // namespace occ
