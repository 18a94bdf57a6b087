#include "core/logging/Redactor.h"

#include <QRegularExpression>

#include <algorithm>
#include <cctype>

namespace occ {

namespace {

bool containsNoCase(std::string_view haystack, std::string_view needle)
{
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != haystack.end();
}

// Each pattern keeps group 1 and masks what follows it.
struct Pattern
{
    std::string_view trigger; // cheap pre-check so ordinary lines never reach the regex engine
    QRegularExpression regex;
};

const std::vector<Pattern>& patterns()
{
    static const std::vector<Pattern> list = {
        {"authorization",
         QRegularExpression(QStringLiteral(R"((authorization"?\s*[:=]\s*"?(?:basic|bearer|token)\s+)[^\s"',;]+)"),
                            QRegularExpression::CaseInsensitiveOption)},
        {"opencode_server_password",
         QRegularExpression(QStringLiteral(R"((opencode_server_password"?\s*[:=]\s*"?)[^\s"',;]+)"),
                            QRegularExpression::CaseInsensitiveOption)},
        // scheme://user:password@host
        {"://",
         QRegularExpression(QStringLiteral(R"((\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^/\s@]+(?=@))"),
                            QRegularExpression::CaseInsensitiveOption)},
    };
    return list;
}

} // namespace

void Redactor::addSecret(const QString& secret)
{
    if (secret.isEmpty()) {
        return;
    }
    const std::string utf8 = secret.toStdString();
    std::lock_guard<std::mutex> lock(m_mutex);
    if (std::find(m_secrets.begin(), m_secrets.end(), utf8) != m_secrets.end()) {
        return;
    }
    m_secrets.push_back(utf8);
    std::stable_sort(m_secrets.begin(), m_secrets.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void Redactor::clearSecrets()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_secrets.clear();
}

std::string Redactor::redact(std::string_view text) const
{
    std::string out(text);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const std::string& secret : m_secrets) {
            for (std::size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos)) {
                out.replace(pos, secret.size(), Mask);
                pos += Mask.size();
            }
        }
    }
    for (const Pattern& pattern : patterns()) {
        if (!containsNoCase(out, pattern.trigger)) {
            continue;
        }
        QString qtext = QString::fromStdString(out);
        qtext.replace(pattern.regex, QStringLiteral("\\1") + QString::fromLatin1(Mask.data(), Mask.size()));
        out = qtext.toStdString();
    }
    return out;
}

QString Redactor::redact(const QString& text) const
{
    return QString::fromStdString(redact(std::string_view(text.toStdString())));
}

} // namespace occ
