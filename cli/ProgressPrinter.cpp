#include "cli/ProgressPrinter.h"

#include "cli/Output.h"

namespace occ::cli {

ProgressPrinter::ProgressPrinter(Output& output)
    : m_output(output)
{
    m_sinceStart.start();
}

ProgressPrinter::~ProgressPrinter()
{
    finish();
}

ServiceController::ProgressFn ProgressPrinter::callback()
{
    return [this](const ServiceProgress& p) { (*this)(p); };
}

void ProgressPrinter::operator()(const ServiceProgress& p)
{
    static const char* const spinner[] = {"|", "/", "-", "\\"};
    switch (p.phase) {
    case ServiceProgress::Phase::Step:
        m_output.info(p.text);
        m_lastStep = p.text;
        break;
    case ServiceProgress::Phase::Build:
        if (m_output.isTerminal()) {
            if (p.totalSteps > 0) {
                const int width = 30;
                const int filled = width * p.step / p.totalSteps;
                m_output.transient(
                    QStringLiteral("[%1%2] %3/%4 %5")
                        .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char(' ')))
                        .arg(p.step)
                        .arg(p.totalSteps)
                        .arg(p.text.left(60)));
            } else {
                m_output.transient(p.text.left(100));
            }
            m_output.detail(p.text);
        } else if (p.text.startsWith(QLatin1String("Step "))) {
            m_output.info(m_output.verbosity() >= 1 ? p.text : summaryLine(p.text));
        } else {
            m_output.detail(p.text);
        }
        break;
    case ServiceProgress::Phase::Waiting:
        if (m_output.isTerminal()) {
            m_output.transient(QStringLiteral("%1 %2 (%3 s)")
                                   .arg(QLatin1String(spinner[m_frame++ % 4]), p.text)
                                   .arg(m_sinceStart.elapsed() / 1000));
        } else if (p.text != m_lastStep) {
            m_output.info(p.text);
            m_lastStep = p.text;
        }
        break;
    }
}

QString ProgressPrinter::summaryLine(const QString& text, int maxChars)
{
    const QString line = text.simplified();
    if (line.size() <= maxChars) {
        return line;
    }
    static const QString ellipsis = QStringLiteral("...");
    return line.left(maxChars - ellipsis.size()).trimmed() + ellipsis;
}

void ProgressPrinter::finish()
{
    m_output.clearTransient();
}

} // namespace occ::cli
