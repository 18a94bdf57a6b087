#pragma once

#include <QString>

#include <functional>

namespace occ {

// What a long operation reports while it runs. Front ends render it: a progress bar and spinner on a
// terminal, plain lines otherwise, a QProgressBar and a log pane in the wizard.
struct ServiceProgress
{
    enum class Phase { Step, Build, Waiting };
    Phase phase = Phase::Step;
    QString text; // one line, English
    int step = 0; // build: "Step N/M"
    int totalSteps = 0;

    using Fn = std::function<void(const ServiceProgress&)>;

    // Calls `progress` (when set) with one line of `phase`.
    static void report(const Fn& progress, Phase phase, const QString& text)
    {
        if (progress) {
            ServiceProgress p;
            p.phase = phase;
            p.text = text;
            progress(p);
        }
    }
};

} // namespace occ
