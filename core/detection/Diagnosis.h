#pragma once

#include "core/detection/Detection.h"
#include "core/detection/DiagnosisCheck.h"

#include <QString>
#include <QVector>

namespace occ {

// Everything the service needs, checked in order: the config, the password, the engine, the image, the
// container, the port, and settings that do not do what they say. `occ doctor` renders the result; the
// engine, container and port answers come from the same code setup detection uses (Detection). Blocking:
// call it from the CLI or a worker thread. A check that cannot run because an earlier one failed (no
// engine: no image check) is left out.
class Diagnosis
{
public:
    explicit Diagnosis(QString configPath);

    // Tells whether bind:port is free; tests inject their own.
    void setPortCheck(Detection::PortCheck check) { m_portCheck = std::move(check); }

    QVector<DiagnosisCheck> run() const;

private:
    QString m_configPath;
    Detection::PortCheck m_portCheck;
};

} // namespace occ
