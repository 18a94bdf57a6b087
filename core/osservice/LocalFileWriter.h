#pragma once

#include "core/osservice/FileWriter.h"

namespace occ {

// The real file system, optionally below a root folder: with root "/tmp/x", "/etc/systemd/system/a"
// is /tmp/x/etc/systemd/system/a. Tests use a QTemporaryDir as root; `occ` uses no root.
class LocalFileWriter : public FileWriter
{
public:
    explicit LocalFileWriter(const QString& root = QString());

    std::optional<QByteArray> read(const QString& path) const override;
    bool write(const QString& path, const QByteArray& content, QString* error) override;
    bool remove(const QString& path, QString* error) override;
    bool makeDirectory(const QString& path, QString* error) override;

    QString hostPath(const QString& path) const;

private:
    QString m_root;
};

} // namespace occ
