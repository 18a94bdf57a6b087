#pragma once

#include <QString>

namespace occ::cli {

class CompletionTable;

// occ(1) in roff, rendered from the command table that `occ --help` prints (pure; `occ manpage`
// prints it and the build installs it).
namespace ManPage {

QString render(const CompletionTable& table, const QString& version);
// Escapes text for roff: backslashes, hyphens, and control characters at the start of a line.
QString escape(const QString& text);

} // namespace ManPage
} // namespace occ::cli
