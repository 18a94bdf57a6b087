#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

namespace occ::cli {

// Where a command writes. The real binary uses stdout/stderr; tests swap in strings so commands run
// in-process and their output can be read. Verbosity: -1 quiet (errors only), 0 default, 1 -v, 2 -vv.
class Output
{
public:
    Output(); // stdout / stderr
    Output(QString* out, QString* err, bool interactive = false); // captured, for tests
    ~Output();

    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    int verbosity() const { return m_verbosity; }
    void setVerbosity(int v) { m_verbosity = v; }

    // True when stdout is a terminal: progress bars and spinners instead of plain lines.
    bool isTerminal() const { return m_terminal; }
    // True when a person can answer questions on stdin.
    bool isInteractive() const { return m_interactive; }
    void setInteractive(bool i) { m_interactive = i; }

    // Results the user asked for (URL, status, config values). Shown even with -q.
    void result(const QString& text);
    // Progress, one line per step. Hidden with -q.
    void info(const QString& text);
    // Details, shown with -v.
    void detail(const QString& text);
    void warning(const QString& text);
    // One clear message that says what to do. Always shown, on stderr.
    void error(const QString& text);

    // Raw bytes to stdout (logs), unbuffered by QTextStream.
    void writeRaw(const char* data, size_t len);
    void writeRawErr(const char* data, size_t len);

    // A transient status line on a terminal (spinner, progress bar); no-op otherwise.
    void transient(const QString& text);
    void clearTransient();

    // Reads one line from stdin (nullopt on EOF). With echo off for passwords on a terminal.
    bool readLine(QString* line, bool echo = true);

    void flush();

    // For tests: pre-set what stdin answers.
    void setInputForTesting(const QStringList& lines);

private:
    QString* m_capturedOut = nullptr;
    QString* m_capturedErr = nullptr;
    QTextStream m_out;
    QTextStream m_err;
    int m_verbosity = 0;
    bool m_terminal = false;
    bool m_interactive = false;
    bool m_transientShown = false;
    QStringList m_testInput;
    bool m_hasTestInput = false;
};

} // namespace occ::cli
