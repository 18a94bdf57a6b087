#pragma once

#include <QString>

namespace occ {

// Why installing, removing or querying the OS service failed. `message` is one user-facing line;
// `detail` carries the failing command and its stderr for `occ service install --verbose`.
struct OsServiceError
{
    QString message;
    QString detail;
};

} // namespace occ
