#pragma once

#include <QString>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace occ {

// Replaces secrets in log text with "********". Registered secrets are matched literally; a few
// patterns (Basic/Bearer Authorization headers, OPENCODE_SERVER_PASSWORD=..., passwords in URLs) are
// matched generically so a secret we were never told about still does not reach a log file.
// Thread-safe: every sink of every thread goes through one instance.
class Redactor
{
public:
    static constexpr std::string_view Mask = "********";

    void addSecret(const QString& secret);
    void clearSecrets();

    std::string redact(std::string_view text) const;
    QString redact(const QString& text) const;

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_secrets; // UTF-8, longest first so a secret containing another is masked whole
};

} // namespace occ
