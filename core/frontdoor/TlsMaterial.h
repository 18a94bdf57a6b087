#pragma once

#include "core/frontdoor/FrontDoorError.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace occ {

// Checks a certificate and key before the front door uses them, so a bad pair is refused with a
// clear message before anything starts (Caddy would otherwise fail in its container, or serve a
// certificate browsers reject).
class TlsMaterial
{
public:
    struct Info
    {
        QByteArray certPem; // the chain as read
        QByteArray keyPem;
        QStringList names; // DNS and IP subject alternative names
        QDateTime notAfter;
    };

    // Readable, PEM, key matches the first certificate, valid at `now`, and `hostname` is among its
    // names (a DNS name, a one-label wildcard, or an IP address). An empty hostname skips the name check.
    static Result<Info, FrontDoorError> check(const QString& certFile, const QString& keyFile, const QString& hostname,
                                              const QDateTime& now = QDateTime::currentDateTimeUtc());
    static Result<Info, FrontDoorError> checkPem(const QByteArray& certPem, const QByteArray& keyPem,
                                                 const QString& hostname,
                                                 const QDateTime& now = QDateTime::currentDateTimeUtc());

    // RFC 6125 matching: case-insensitive, "*." covers exactly one leftmost label, IPs compare as addresses.
    static bool nameMatches(const QString& pattern, const QString& hostname);
};

} // namespace occ
