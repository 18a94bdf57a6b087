#pragma once

#include <QString>

namespace occ {

// Why "start at login" could not be changed. Core says what failed and where; the front ends make the words
// (wizard/ErrorPresenter).
struct AutostartError
{
    enum class Kind {
        CreateFolder, // the folder that holds the entry could not be created
        Write, // the entry could not be written
        Remove, // the entry could not be removed
        Registry, // the Windows registry refused the change
    };

    Kind kind = Kind::Write;
    QString path; // the entry, or the folder for CreateFolder
    QString cause; // the system's own reason, when it gave one (may be empty)
};

} // namespace occ
