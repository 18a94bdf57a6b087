#include "core/frontdoor/LocalCa.h"

#include "core/frontdoor/TlsMaterial.h"
#include "core/util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcess>
#include <QRandomGenerator>

#include <QSslCertificate>
#include <QTemporaryDir>
#include <initializer_list>
#include <utility>

namespace occ {
namespace {

FrontDoorError caError(const QString& message)
{
    return FrontDoorError{FrontDoorError::Kind::LocalCa, message, {}, {}};
}

// One openssl argument: a literal option ("-nodes") or a value (a path, a subject). Implicit on purpose, so
// a command reads as the command line it is.
struct OpensslArg
{
    OpensslArg(const char* option) // NOLINT(google-explicit-constructor)
        : text(QLatin1String(option))
    { }
    OpensslArg(QString value) // NOLINT(google-explicit-constructor)
        : text(std::move(value))
    { }
    QString text;
};

Result<Unit, FrontDoorError> run(const QString& openssl, std::initializer_list<OpensslArg> arguments)
{
    QStringList args;
    for (const OpensslArg& argument : arguments) {
        args << argument.text;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(openssl, args);
    if (!p.waitForStarted(10000)) {
        return caError(QStringLiteral("Cannot run %1 to make the local CA (tls.mode internal needs the openssl "
                                      "command): %2")
                           .arg(openssl, p.errorString()));
    }
    p.waitForFinished(60000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        return caError(
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

Result<QByteArray, FrontDoorError> readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return caError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    return file.readAll();
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

// openssl does not check its writes: on a full disk `req` leaves an empty request, exits 0, and the next
// step fails with "no start line". The system's reason, from a file of our own in the same folder, comes first.
FrontDoorError explain(const FrontDoorError& failed, const QString& staging)
{
    const auto probe = AtomicFile::probeFolder(staging);
    if (probe) {
        return failed;
    }
    return caError(QStringLiteral("%1 (%2)").arg(probe.error().toString(), failed.message));
}

// Checks a pair openssl made and puts it in place: the key (0600) first, then the certificate (0644). If
// the second write fails the old certificate no longer matches the new key; serverCertCovers() and the
// CA check see that and make a new pair next time, and this run reports the failure.
Result<Unit, FrontDoorError> installPair(const QString& stagedCert, const QString& stagedKey, const QString& cert,
                                         const QString& key)
{
    auto certPem = readAll(stagedCert);
    auto keyPem = readAll(stagedKey);
    if (!certPem || !keyPem) {
        return (!certPem ? certPem : keyPem).error();
    }
    const auto checked = TlsMaterial::checkPem(*certPem, *keyPem, QString());
    if (!checked) {
        return caError(QStringLiteral("openssl made an unusable certificate: %1").arg(checked.error().message));
    }
    auto keyWritten = AtomicFile::write(key, *keyPem, AtomicFile::OwnerOnly);
    if (!keyWritten) {
        return caError(keyWritten.error().toString());
    }
    auto certWritten = AtomicFile::write(cert, *certPem, AtomicFile::WorldReadable);
    if (!certWritten) {
        return caError(certWritten.error().toString());
    }
    return Unit{};
}

// A new CA made in the staging folder `s`, then installed as caCert/caKey.
Result<Unit, FrontDoorError> makeCa(const QString& openssl, const QDir& s, const QString& caCert, const QString& caKey)
{
    const QString newCert = s.filePath(QStringLiteral("ca.crt"));
    const QString newKey = s.filePath(QStringLiteral("ca.key"));
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
                     newKey,
                     "-out",
                     newCert});
    if (!made) {
        return explain(made.error(), s.path());
    }
    return installPair(newCert, newKey, caCert, caKey);
}

// A server certificate for `names` signed by the CA, made in the staging folder `s`, then installed.
Result<Unit, FrontDoorError> makeServerCert(const QString& openssl, const QDir& s, const QStringList& names,
                                            const QString& caCert, const QString& caKey, const QString& serverCert,
                                            const QString& serverKey)
{
    const QString ext = s.filePath(QStringLiteral("server.ext"));
    const auto extWritten = AtomicFile::write(ext,
                                              QStringLiteral("basicConstraints=critical,CA:FALSE\n"
                                                             "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                                             "extendedKeyUsage=serverAuth\n"
                                                             "subjectAltName=%1\n")
                                                  .arg(sanList(names))
                                                  .toUtf8());
    if (!extWritten) {
        return caError(extWritten.error().toString());
    }
    const QString csr = s.filePath(QStringLiteral("server.csr"));
    const QString newKey = s.filePath(QStringLiteral("server.key"));
    const QString newCert = s.filePath(QStringLiteral("server.crt"));
    // 397 days: the longest lifetime Apple and Chrome accept for a server certificate.
    auto req = run(openssl,
                   {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
                    QStringLiteral("/O=opencode-cloud/CN=%1").arg(names.value(0)), "-keyout", newKey, "-out", csr});
    if (!req) {
        return explain(req.error(), s.path());
    }
    // A random serial instead of -CAcreateserial, whose ca.srl openssl would write beside the CA in place.
    QByteArray serial(16, '\0');
    QRandomGenerator::system()->generate(serial.begin(), serial.end());
    serial[0] = static_cast<char>(serial[0] & 0x7f); // positive, RFC 5280
    auto sign = run(openssl,
                    {"x509", "-req", "-in", csr, "-CA", caCert, "-CAkey", caKey, "-set_serial",
                     QStringLiteral("0x") + QString::fromLatin1(serial.toHex()), "-days", "397", "-sha256", "-extfile",
                     ext, "-out", newCert});
    if (!sign) {
        return explain(sign.error(), s.path());
    }
    return installPair(newCert, newKey, serverCert, serverKey);
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
        return caError(QStringLiteral("Cannot create %1").arg(dir));
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QDir d(dir);
    Files f;
    f.caCert = d.filePath(QStringLiteral("ca.crt"));
    const QString caKey = d.filePath(QStringLiteral("ca.key"));
    f.serverCert = d.filePath(QStringLiteral("server.crt"));
    f.serverKey = d.filePath(QStringLiteral("server.key"));

    // A CA whose key no longer matches (an interrupted install) is as good as missing.
    const bool caMissing =
        !QFileInfo::exists(f.caCert) || !QFileInfo::exists(caKey) || !TlsMaterial::check(f.caCert, caKey, QString());
    if (!caMissing && serverCertCovers(f.serverCert, f.serverKey, names)) {
        return f;
    }
    // openssl writes into a private folder beside ours and checks nothing it writes; what it made is
    // checked there and only then replaces our files through AtomicFile, so a full disk or a failed run
    // never leaves a half-written key or certificate in place of a good one.
    QTemporaryDir staging(d.filePath(QStringLiteral(".staging-XXXXXX")));
    if (!staging.isValid()) {
        return caError(QStringLiteral("Cannot create a folder in %1: %2").arg(dir, staging.errorString()));
    }
    const QDir s(staging.path());
    if (caMissing) {
        auto made = makeCa(openssl, s, f.caCert, caKey);
        if (!made) {
            return made.error();
        }
        f.caCreated = true;
    }
    auto made = makeServerCert(openssl, s, names, f.caCert, caKey, f.serverCert, f.serverKey);
    if (!made) {
        return made.error();
    }
    f.serverCreated = true;
    return f;
}

} // namespace occ
