#pragma once

#include "wizard/autostart/Autostart.h"

namespace occ {

// HKCU\Software\Microsoft\Windows\CurrentVersion\Run\opencode-cloud (Windows).
class RunKeyAutostart : public Autostart
{
public:
    RunKeyAutostart(QString program, QString arguments);

    bool isEnabled() const override;
    QString setEnabled(bool enabled) override;
    QString location() const override;

    // Pure: the Run value, program quoted.
    static QString commandLine(const QString& program, const QString& arguments);

private:
    QString m_program;
    QString m_arguments;
};

} // namespace occ
