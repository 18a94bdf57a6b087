#pragma once

#include "core/autostart/Autostart.h"

namespace occ {

// ~/Library/LaunchAgents/org.opencode-cloud.app.plist with RunAtLoad (macOS).
class LaunchAgentAutostart : public Autostart
{
public:
    LaunchAgentAutostart(QString program, QString arguments, QString directory = QString());

    bool isEnabled() const override;
    Result<Unit, AutostartError> setEnabled(bool enabled) override;
    QString location() const override;

    // Pure: the plist's contents.
    static QByteArray plist(const QString& program, const QString& arguments);

private:
    QString m_program;
    QString m_arguments;
    QString m_directory;
};

} // namespace occ
