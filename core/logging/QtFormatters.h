#pragma once

#include <QByteArray>
#include <QString>

// spdlog picks bundled or external fmt (Debian/Ubuntu build it against libfmt); this header follows it.
#include <spdlog/fmt/fmt.h>

// Make QString and QByteArray loggable: logger->info("saved {}", path). Both are written as UTF-8.
template <>
struct fmt::formatter<QString> : fmt::formatter<fmt::string_view>
{
    template <typename FormatContext>
    auto format(const QString& value, FormatContext& ctx) const -> decltype(ctx.out())
    {
        const QByteArray utf8 = value.toUtf8();
        return fmt::formatter<fmt::string_view>::format(fmt::string_view(utf8.constData(), utf8.size()), ctx);
    }
};

template <>
struct fmt::formatter<QByteArray> : fmt::formatter<fmt::string_view>
{
    template <typename FormatContext>
    auto format(const QByteArray& value, FormatContext& ctx) const -> decltype(ctx.out())
    {
        return fmt::formatter<fmt::string_view>::format(fmt::string_view(value.constData(), value.size()), ctx);
    }
};
