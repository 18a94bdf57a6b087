#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace occ {

// File side effects of the installers, so tests can point them at a temporary root.
class FileWriter
{
public:
    virtual ~FileWriter() = default;
    virtual std::optional<QByteArray> read(const QString& path) const = 0;
    // Creates missing parent folders; writes atomically. On failure, `error` says why.
    virtual bool write(const QString& path, const QByteArray& content, QString* error) = 0;
    virtual bool remove(const QString& path, QString* error) = 0;
    virtual bool makeDirectory(const QString& path, QString* error) = 0;
};

} // namespace occ
