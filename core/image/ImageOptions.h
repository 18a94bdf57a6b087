#pragma once

#include "core/util/Version.h"

#include <QString>

namespace occ {

// What to build. The defaults give the image occ normally runs.
struct ImageOptions
{
    QString imageName = QStringLiteral("opencode-cloud"); // the tag is imageName:opencodeVersion
    QString baseImage = QStringLiteral("ubuntu:24.04"); // a Debian or Ubuntu image
    QString opencodeVersion = pinnedOpencodeVersion();
    // A Linux opencode binary on this host to copy into the image (air-gapped hosts); empty: the
    // build downloads the npm platform package for opencodeVersion.
    QString opencodeBinary;
    // Trust the *.crt files under caCertDir inside the build, before anything is downloaded
    // (networks with a TLS-intercepting proxy).
    bool extraCaCerts = false;
    QString caCertDir = QStringLiteral("/usr/local/share/ca-certificates");
};

} // namespace occ
