#include "core/frontdoor/TlsMaterial.h"

#include <QFile>
#include <QHostAddress>
#include <QLibrary>
#include <QSslCertificate>
#include <QSslKey>

#include <memory>
#include <type_traits>

namespace occ {
namespace {

FrontDoorError tlsError(const QString& message)
{
    return FrontDoorError{FrontDoorError::Kind::TlsInvalid, message, {}, {}};
}

Result<QByteArray, FrontDoorError> readFile(const QString& path, const char* what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return tlsError(
            QStringLiteral("Cannot read the TLS %1 %2: %3").arg(QString::fromLatin1(what), path, f.errorString()));
    }
    return f.readAll();
}

// Qt has no public way to compare a private key with a certificate's public key; OpenSSL's libcrypto
// (which Qt's TLS backend loads anyway) does exactly that. It is loaded here, on first use, instead of
// being linked: every occ run would otherwise pay about a millisecond to map and relocate it, and only
// tls.mode files ever needs it. Its C API is used through opaque pointers, so no OpenSSL headers either.
struct LibCrypto
{
    using PasswordCallback = int (*)(char*, int, int, void*);
    void* (*bioNewMemBuf)(const void*, int) = nullptr;
    int (*bioFree)(void*) = nullptr;
    void* (*pemReadX509)(void*, void**, PasswordCallback, void*) = nullptr;
    void (*x509Free)(void*) = nullptr;
    void* (*pemReadPrivateKey)(void*, void**, PasswordCallback, void*) = nullptr;
    void (*evpPkeyFree)(void*) = nullptr;
    int (*x509CheckPrivateKey)(const void*, const void*) = nullptr;
    QString error;

    static const LibCrypto& instance()
    {
        static const LibCrypto crypto = load();
        return crypto;
    }

private:
    static LibCrypto load()
    {
        LibCrypto c;
        // OpenSSL 3 first (Debian 12, Ubuntu 24.04), then 1.1; the unversioned name for other layouts.
        QLibrary lib;
        for (const char* version : {"3", "1.1", ""}) {
            lib.setFileNameAndVersion(QStringLiteral("crypto"), QString::fromLatin1(version));
            if (lib.load()) {
                break;
            }
        }
        if (!lib.isLoaded()) {
            c.error = QStringLiteral("OpenSSL's libcrypto was not found (%1)").arg(lib.errorString());
            return c;
        }
        auto resolve = [&lib, &c](auto& fn, const char* symbol) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(lib.resolve(symbol));
            if (!fn && c.error.isEmpty()) {
                c.error = QStringLiteral("%1 has no %2").arg(lib.fileName(), QLatin1String(symbol));
            }
        };
        resolve(c.bioNewMemBuf, "BIO_new_mem_buf");
        resolve(c.bioFree, "BIO_free");
        resolve(c.pemReadX509, "PEM_read_bio_X509");
        resolve(c.x509Free, "X509_free");
        resolve(c.pemReadPrivateKey, "PEM_read_bio_PrivateKey");
        resolve(c.evpPkeyFree, "EVP_PKEY_free");
        resolve(c.x509CheckPrivateKey, "X509_check_private_key");
        return c; // the library stays loaded: QLibrary does not unload on destruction
    }
};

// True when they match; false with *error empty when they do not, or with *error set when it cannot tell.
bool keyMatchesCertificate(const QByteArray& certPem, const QByteArray& keyPem, QString* error)
{
    const LibCrypto& c = LibCrypto::instance();
    if (!c.error.isEmpty()) {
        *error = c.error;
        return false;
    }
    auto freeBio = [&c](void* bio) { c.bioFree(bio); };
    std::unique_ptr<void, decltype(freeBio)> certBio(c.bioNewMemBuf(certPem.constData(), int(certPem.size())), freeBio);
    std::unique_ptr<void, decltype(freeBio)> keyBio(c.bioNewMemBuf(keyPem.constData(), int(keyPem.size())), freeBio);
    if (!certBio || !keyBio) {
        return false;
    }
    auto freeCert = [&c](void* x) { c.x509Free(x); };
    std::unique_ptr<void, decltype(freeCert)> cert(c.pemReadX509(certBio.get(), nullptr, nullptr, nullptr), freeCert);
    // A null password callback result makes an encrypted key fail here instead of prompting on a terminal.
    auto noPassword = [](char*, int, int, void*) -> int { return 0; };
    auto freeKey = [&c](void* k) { c.evpPkeyFree(k); };
    std::unique_ptr<void, decltype(freeKey)> key(c.pemReadPrivateKey(keyBio.get(), nullptr, noPassword, nullptr),
                                                 freeKey);
    return cert && key && c.x509CheckPrivateKey(cert.get(), key.get()) == 1;
}

} // namespace

bool TlsMaterial::nameMatches(const QString& pattern, const QString& hostname)
{
    const QHostAddress hostAddr(hostname);
    if (!hostAddr.isNull()) {
        return QHostAddress(pattern) == hostAddr;
    }
    const QString p = pattern.toLower();
    const QString h = hostname.toLower();
    if (p == h) {
        return true;
    }
    if (p.startsWith(QStringLiteral("*.")) && p.count(QLatin1Char('.')) >= 2) {
        const int dot = h.indexOf(QLatin1Char('.'));
        return dot > 0 && h.mid(dot) == p.mid(1);
    }
    return false;
}

Result<TlsMaterial::Info, FrontDoorError> TlsMaterial::check(const QString& certFile, const QString& keyFile,
                                                             const QString& hostname, const QDateTime& now)
{
    auto cert = readFile(certFile, "certificate");
    if (!cert) {
        return cert.error();
    }
    auto key = readFile(keyFile, "key");
    if (!key) {
        return key.error();
    }
    auto info = checkPem(cert.value(), key.value(), hostname, now);
    if (!info) {
        return tlsError(info.error().message + QStringLiteral(" (certificate %1, key %2)").arg(certFile, keyFile));
    }
    return info;
}

Result<TlsMaterial::Info, FrontDoorError> TlsMaterial::checkPem(const QByteArray& certPem, const QByteArray& keyPem,
                                                                const QString& hostname, const QDateTime& now)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        return tlsError(QStringLiteral("The certificate is not a PEM certificate (expected \"-----BEGIN "
                                       "CERTIFICATE-----\")"));
    }
    bool keyIsPem = false;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        if (!QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey).isNull()) {
            keyIsPem = true;
            break;
        }
    }
    if (!keyIsPem) {
        return tlsError(QStringLiteral("The key is not an unencrypted PEM private key (expected \"-----BEGIN "
                                       "PRIVATE KEY-----\"; decrypt it with `openssl pkey -in KEY -out KEY.pem`)"));
    }
    QString cannotTell;
    if (!keyMatchesCertificate(certPem, keyPem, &cannotTell)) {
        return tlsError(cannotTell.isEmpty()
                            ? QStringLiteral("The key does not belong to the certificate (their public keys differ)")
                            : QStringLiteral("Cannot check that the key belongs to the certificate: %1. Install "
                                             "OpenSSL (libssl3 on Debian and Ubuntu).")
                                  .arg(cannotTell));
    }
    const QSslCertificate& leaf = chain.first();
    if (now < leaf.effectiveDate()) {
        return tlsError(
            QStringLiteral("The certificate is not valid before %1").arg(leaf.effectiveDate().toString(Qt::ISODate)));
    }
    if (now > leaf.expiryDate()) {
        return tlsError(QStringLiteral("The certificate expired on %1").arg(leaf.expiryDate().toString(Qt::ISODate)));
    }
    Info info;
    info.certPem = certPem;
    info.keyPem = keyPem;
    info.notAfter = leaf.expiryDate();
    const auto sans = leaf.subjectAlternativeNames();
    for (auto it = sans.cbegin(); it != sans.cend(); ++it) {
        if (it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry) {
            info.names << it.value();
        }
    }
    if (!hostname.isEmpty()) {
        // Browsers ignore the common name: only subject alternative names count.
        bool matched = false;
        for (const QString& name : info.names) {
            matched = matched || nameMatches(name, hostname);
        }
        if (!matched) {
            return tlsError(QStringLiteral("The certificate is not for %1 (it names %2)")
                                .arg(hostname,
                                     info.names.isEmpty() ? QStringLiteral("no subject alternative names")
                                                          : info.names.join(QStringLiteral(", "))));
        }
    }
    return info;
}

} // namespace occ
