#pragma once

#include "core/frontdoor/FrontDoorError.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>

namespace occ {

// tls.mode internal: a local certificate authority (ten years, kept) and a server certificate it signs
// for the configured host name, localhost and this machine's addresses (renewed when its names change
// or it is within 30 days of expiry). Made with the `openssl` command: Qt cannot create keys, and a
// CA we own is one file the user can trust, unlike Caddy's own CA inside the container.
class LocalCa
{
public:
    struct Files
    {
        QString caCert; // what the user adds to their browser / OS trust store
        QString serverCert;
        QString serverKey;
        bool caCreated = false;
        bool serverCreated = false;
    };

    // dir: e.g. <config dir>/tls; created with mode 0700. openssl: the program to run.
    static Result<Files, FrontDoorError> ensure(const QString& dir, const QStringList& names,
                                                const QString& openssl = QStringLiteral("openssl"));

    // localhost, 127.0.0.1, ::1 and the non-loopback addresses of this machine's interfaces that are up.
    static QStringList defaultNames(const QString& hostname);
};

} // namespace occ
