#pragma once

#include "core/docker/DockerClient.h"
#include "core/docker/TarWriter.h"

#include <QFile>
#include <QString>

namespace occ::test {

// Builds the stand-in service image (tests/harness/standin: the opencode image's contract in busybox) as
// `ref`, optionally with extra Dockerfile lines (e.g. "ENV OCC_TEST_SILENT=1") for a variant.
inline DockerResult<QString> buildStandInImage(DockerClient* docker, const QString& ref, const QByteArray& extra = {})
{
    auto read = [](const char* name) {
        QFile f(QStringLiteral(OCC_SOURCE_DIR "/tests/harness/standin/") + QLatin1String(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    TarWriter tar;
    tar.addFile(QStringLiteral("Dockerfile"), read("Dockerfile") + extra);
    tar.addFile(QStringLiteral("entrypoint.sh"), read("entrypoint.sh"), 0755);
    BuildOptions options;
    options.tags = {ref};
    return docker->buildImage(tar.data(), options);
}

} // namespace occ::test
