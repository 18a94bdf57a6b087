#pragma once

#include "cli/Application.h"
#include "cli/Output.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace occ::test {

// What one `occ` invocation produced.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// Runs `occ ARGS` in-process with captured output; stdinLines answer prompts and stdin reads.
inline CliRun runOcc(const QStringList& args, const QStringList& stdinLines = {}, bool interactive = false)
{
    CliRun run;
    {
        occ::cli::Output output(&run.out, &run.err, interactive);
        if (!stdinLines.isEmpty()) {
            output.setInputForTesting(stdinLines);
        }
        run.code = occ::cli::run(QStringList{QStringLiteral("occ")} + args, output);
    }
    return run;
}

// Runs the real binary (build/cli/occ) as a child process.
inline CliRun runOccBinary(const QStringList& args,
                           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                           const QString& program = QStringLiteral(OCC_BINARY_DIR "/cli/occ"), int timeoutMs = 120000)
{
    CliRun run;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace occ::test
