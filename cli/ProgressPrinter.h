#pragma once

#include "core/service/ServiceController.h"

#include <QElapsedTimer>
#include <QString>

namespace occ::cli {

class Output;

// Renders a service operation's progress: on a terminal a bar for image builds ("Step 3/7") and a
// spinner while waiting, redrawn in place; otherwise plain lines, each step once, so logs stay readable.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(Output& output);
    ~ProgressPrinter();

    void operator()(const ServiceProgress& progress);
    ServiceController::ProgressFn callback();
    void finish();

private:
    Output& m_output;
    QString m_lastStep;
    int m_frame = 0;
    QElapsedTimer m_sinceStart;
};

} // namespace occ::cli
