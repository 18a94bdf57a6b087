#include "core/frontdoor/LocalCa.h"

#include "core/frontdoor/TlsMaterial.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcess>
#include <QSslCertificate>

namespace occ {
namespace {

FrontDoorError tlsError(const QString& message)
{
    return FrontDoorError{FrontDoorError::Kind::Tls, message};
}

Result<Unit, FrontDoorError> run(const QString& openssl, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(openssl, args);
    if (!p.waitForStarted(10000)) {
        return tlsError(QStringLiteral("Cannot run %1 to make the local CA (tls.mode internal needs the openssl "
                                       "command): %2")
                            .arg(openssl, p.errorString()));
    }
    p.waitForFinished(60000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        return tlsError(
            QStringLiteral("openssl %1 failed: %2").arg(args.value(0), QString::fromLocal8Bit(p.readAll()).trimmed()));
    }
    return Unit{};
}

QString sanList(const QStringList& names)
{
    QStringList out;
    for (const QString& n : names) {
        out << (QHostAddress(n).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + n;
    }
    return out.join(QLatin1Char(','));
}

bool serverCertCovers(const QString& certFile, const QString& keyFile, const QStringList& names)
{
    auto info = TlsMaterial::check(certFile, keyFile, QString());
    if (!info || info->notAfter < QDateTime::currentDateTimeUtc().addDays(30)) {
        return false;
    }
    for (const QString& n : names) {
        bool found = false;
        for (const QString& have : info->names) {
            found = found || TlsMaterial::nameMatches(have, n);
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

} // namespace

QStringList LocalCa::defaultNames(const QString& hostname)
{
    QStringList names;
    if (!hostname.isEmpty()) {
        names << hostname;
    }
    names << QStringLiteral("localhost") << QStringLiteral("127.0.0.1") << QStringLiteral("::1");
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        if (!(iface.flags() & QNetworkInterface::IsUp) || (iface.flags() & QNetworkInterface::IsLoopBack)) {
            continue;
        }
        for (const QNetworkAddressEntry& e : iface.addressEntries()) {
            const QHostAddress a = e.ip();
            if (a.protocol() == QAbstractSocket::IPv4Protocol
                || (a.protocol() == QAbstractSocket::IPv6Protocol && a.scopeId().isEmpty())) {
                names << a.toString();
            }
        }
    }
    names.removeDuplicates();
    return names;
}

Result<LocalCa::Files, FrontDoorError> LocalCa::ensure(const QString& dir, const QStringList& names,
                                                       const QString& openssl)
{
    if (!QDir().mkpath(dir)) {
        return tlsError(QStringLiteral("Cannot create %1").arg(dir));
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QDir d(dir);
    Files f;
    f.caCert = d.filePath(QStringLiteral("ca.crt"));
    const QString caKey = d.filePath(QStringLiteral("ca.key"));
    f.serverCert = d.filePath(QStringLiteral("server.crt"));
    f.serverKey = d.filePath(QStringLiteral("server.key"));

    if (!QFileInfo::exists(f.caCert) || !QFileInfo::exists(caKey)) {
        auto made = run(openssl,
                        {"req",
                         "-x509",
                         "-new",
                         "-newkey",
                         "ec",
                         "-pkeyopt",
                         "ec_paramgen_curve:P-256",
                         "-nodes",
                         "-sha256",
                         "-days",
                         "3650",
                         "-subj",
                         "/O=opencode-cloud/CN=opencode-cloud local CA",
                         "-addext",
                         "basicConstraints=critical,CA:TRUE,pathlen:0",
                         "-addext",
                         "keyUsage=critical,keyCertSign,cRLSign",
                         "-keyout",
                         caKey,
                         "-out",
                         f.caCert});
        if (!made) {
            return made.error();
        }
        QFile::setPermissions(caKey, QFile::ReadOwner | QFile::WriteOwner);
        QFile::remove(f.serverCert); // signed by a CA that is gone
        f.caCreated = true;
    }
    if (serverCertCovers(f.serverCert, f.serverKey, names)) {
        return f;
    }
    const QString csr = d.filePath(QStringLiteral("server.csr"));
    const QString ext = d.filePath(QStringLiteral("server.ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return tlsError(QStringLiteral("Cannot write %1").arg(ext));
    }
    extFile.write(QStringLiteral("basicConstraints=critical,CA:FALSE\n"
                                 "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                 "extendedKeyUsage=serverAuth\n"
                                 "subjectAltName=%1\n")
                      .arg(sanList(names))
                      .toUtf8());
    extFile.close();
    // 397 days: the longest lifetime Apple and Chrome accept for a server certificate.
    auto req =
        run(openssl,
            {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
             QStringLiteral("/O=opencode-cloud/CN=%1").arg(names.value(0)), "-keyout", f.serverKey, "-out", csr});
    if (!req) {
        return req.error();
    }
    QFile::setPermissions(f.serverKey, QFile::ReadOwner | QFile::WriteOwner);
    auto sign = run(openssl,
                    {"x509", "-req", "-in", csr, "-CA", f.caCert, "-CAkey", caKey, "-CAcreateserial", "-days", "397",
                     "-sha256", "-extfile", ext, "-out", f.serverCert});
    QFile::remove(csr);
    QFile::remove(ext);
    if (!sign) {
        return sign.error();
    }
    f.serverCreated = true;
    return f;
}

} // namespace occ
