#pragma once

#include <QString>

#include <optional>

namespace occ::cli {

class CompletionTable;

// Shell completion scripts for `occ`, rendered from the command table (pure functions; `occ completion
// SHELL` prints them and the build installs them).
namespace Completion {

enum class Shell { Bash, Zsh, Fish };

std::optional<Shell> shellFromName(const QString& name);
QString script(Shell shell, const CompletionTable& table);

QString bash(const CompletionTable& table);
QString zsh(const CompletionTable& table);
QString fish(const CompletionTable& table);

} // namespace Completion
} // namespace occ::cli
