#include "cli/Output.h"

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#define OCC_ISATTY _isatty
#define OCC_FILENO _fileno
#else
#include <termios.h>
#include <unistd.h>
#define OCC_ISATTY isatty
#define OCC_FILENO fileno
#endif

namespace occ::cli {

Output::Output()
    : m_out(stdout)
    , m_err(stderr)
{
    m_terminal = OCC_ISATTY(OCC_FILENO(stdout));
    m_interactive = OCC_ISATTY(OCC_FILENO(stdin)) && m_terminal;
}

Output::Output(QString* out, QString* err, bool interactive)
    : m_capturedOut(out)
    , m_capturedErr(err)
    , m_out(out)
    , m_err(err)
    , m_interactive(interactive)
{ }

Output::~Output()
{
    flush();
}

void Output::result(const QString& text)
{
    clearTransient();
    m_out << text << '\n';
    m_out.flush();
}

void Output::info(const QString& text)
{
    if (m_verbosity < 0) {
        return;
    }
    clearTransient();
    m_out << text << '\n';
    m_out.flush();
}

void Output::detail(const QString& text)
{
    if (m_verbosity < 1) {
        return;
    }
    clearTransient();
    m_err << text << '\n';
    m_err.flush();
}

void Output::warning(const QString& text)
{
    clearTransient();
    m_err << "warning: " << text << '\n';
    m_err.flush();
}

void Output::error(const QString& text)
{
    clearTransient();
    m_err << "error: " << text << '\n';
    m_err.flush();
}

void Output::writeRaw(const char* data, size_t len)
{
    if (m_capturedOut) {
        m_out << QString::fromUtf8(data, static_cast<qsizetype>(len));
        return;
    }
    // Every text method flushes m_out itself, so nothing is pending here: no flush (and no syscall) per line.
    std::fwrite(data, 1, len, stdout);
}

void Output::writeRawErr(const char* data, size_t len)
{
    if (m_capturedErr) {
        m_err << QString::fromUtf8(data, static_cast<qsizetype>(len));
        return;
    }
    std::fwrite(data, 1, len, stderr);
}

void Output::transient(const QString& text)
{
    if (!m_terminal || m_verbosity < 0) {
        return;
    }
    // \r + clear-to-end-of-line: the line is redrawn in place.
    m_out << '\r' << text << "\x1b[K";
    m_out.flush();
    m_transientShown = true;
}

void Output::clearTransient()
{
    if (!m_transientShown) {
        return;
    }
    m_out << "\r\x1b[K";
    m_out.flush();
    m_transientShown = false;
}

bool Output::readLine(QString* line, bool echo)
{
    if (m_hasTestInput) {
        if (m_testInput.isEmpty()) {
            return false;
        }
        *line = m_testInput.takeFirst();
        return true;
    }
    flush();
#ifndef Q_OS_WIN
    termios saved{};
    const bool hideEcho = !echo && OCC_ISATTY(STDIN_FILENO);
    if (hideEcho) {
        tcgetattr(STDIN_FILENO, &saved);
        termios noEcho = saved;
        noEcho.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &noEcho);
    }
#endif
    std::string s;
    const bool got = static_cast<bool>(std::getline(std::cin, s));
#ifndef Q_OS_WIN
    if (hideEcho) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        m_out << '\n';
        m_out.flush();
    }
#endif
    if (!got) {
        return false;
    }
    if (!s.empty() && s.back() == '\r') {
        s.pop_back();
    }
    *line = QString::fromStdString(s);
    return true;
}

void Output::flush()
{
    m_out.flush();
    m_err.flush();
    if (!m_capturedOut) {
        std::fflush(stdout);
        std::fflush(stderr);
    }
}

void Output::setInputForTesting(const QStringList& lines)
{
    m_testInput = lines;
    m_hasTestInput = true;
}

} // namespace occ::cli
