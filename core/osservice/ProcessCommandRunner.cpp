#include "core/osservice/ProcessCommandRunner.h"

#include <QProcess>

namespace occ {

ProcessCommandRunner::ProcessCommandRunner(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{ }

CommandResult ProcessCommandRunner::run(const ServiceCommand& command)
{
    CommandResult result;
    QProcess process;
    process.start(command.program, command.arguments);
    if (!process.waitForStarted(m_timeoutMs)) {
        result.started = false;
        result.exitCode = -1;
        result.standardError = process.errorString().toUtf8();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        result.exitCode = -1;
        result.standardError = QByteArrayLiteral("timed out: ") + command.program.toUtf8();
        return result;
    }
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

} // namespace occ
