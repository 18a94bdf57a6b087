#pragma once

#include "core/image/ImageError.h"
#include "core/image/ImageOptions.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace occ {

// The build context of our opencode image: the embedded docker/ files, plus the opencode binary
// (context mode) and the host's extra CA certificates when asked for, as a tar for POST /build,
// together with the build args, the tag and the labels to pass along.
//
// The context is deterministic (sorted entries, fixed mtimes), so its hash, stored in the image
// label org.opencode-cloud.context-hash, tells whether an existing image is stale: a different
// Dockerfile, base image, version, binary or certificate gives a different hash.
//
// In context mode the tar holds the whole binary (~185 MB for opencode 1.18); the npm mode context
// is a few kilobytes.
class ImageContext
{
public:
    static Result<ImageContext, ImageError> create(const ImageOptions& options);

    const ImageOptions& options() const { return m_options; }
    QString tag() const; // imageName:opencodeVersion
    QMap<QString, QString> buildArgs() const { return m_buildArgs; }
    // managed, opencode-version and context-hash; pass them as the build's labels.
    QMap<QString, QString> labels() const;
    QString contextHash() const { return m_hash; }
    QByteArray tar() const { return m_tar; }
    QStringList entries() const { return m_entries; } // paths in the tar, in order

    // The files of docker/ compiled into the library ("Dockerfile", "occ-entrypoint", ...).
    static QStringList embeddedFileNames();
    static QByteArray embeddedFile(const QString& name); // empty when there is no such file

    // The tar occ puts into a created container at image::PasswordDir before starting it:
    // one file, image::PasswordFileName, mode 0400, owned by image::Uid/Gid.
    static QByteArray passwordArchive(const QByteArray& password);

    // The sha512 (hex) of the npm tarball opencode-linux-<arch>-<version>.tgz when occ knows it
    // (arch "x64" or "arm64"); the build then refuses a download that does not match.
    static QString knownTarballSha512(const QString& version, const QString& arch);

private:
    ImageContext() = default;

    ImageOptions m_options;
    QMap<QString, QString> m_buildArgs;
    QByteArray m_tar;
    QStringList m_entries;
    QString m_hash;
};

} // namespace occ
