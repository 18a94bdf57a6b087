#pragma once

#include "core/autostart/Autostart.h"

namespace occ {

// HKCU\Software\Microsoft\Windows\CurrentVersion\Run\opencode-cloud (Windows).
class RunKeyAutostart : public Autostart
{
public:
    RunKeyAutostart(QString program, QString arguments);

    bool isEnabled() const override;
    Result<Unit, AutostartError> setEnabled(bool enabled) override;
    QString location() const override;

    // Pure: the Run value, program quoted.
    static QString commandLine(const QString& program, const QString& arguments);

private:
    QString m_program;
    QString m_arguments;
};

} // namespace occ
