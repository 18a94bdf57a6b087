#pragma once

#include "core/service/ServiceController.h"

#include <QElapsedTimer>
#include <QString>

namespace occ::cli {

class Output;

// Renders a service operation's progress: on a terminal a bar for image builds ("Step 3/7") and a
// spinner while waiting, redrawn in place; otherwise plain lines, each step once and one short line each
// (the full text with -v), so logs stay readable.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(Output& output);
    ~ProgressPrinter();

    void operator()(const ServiceProgress& progress);
    ServiceController::ProgressFn callback();
    void finish();

    // A build step as one short line for logs: "Step 3/9 : RUN apt-get update && apt-get install ..."
    // on one line, whitespace runs collapsed, cut to maxChars with "..." (the engine joins a RUN's
    // continuation lines into one, whole scripts long).
    static QString summaryLine(const QString& text, int maxChars = 100);

private:
    Output& m_output;
    QString m_lastStep;
    int m_frame = 0;
    QElapsedTimer m_sinceStart;
};

} // namespace occ::cli
