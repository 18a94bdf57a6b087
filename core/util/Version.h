#pragma once

#include <QString>

namespace occ {

// Build-time facts, filled in by CMake.
QString applicationVersion();
QString pinnedOpencodeVersion();

} // namespace occ
