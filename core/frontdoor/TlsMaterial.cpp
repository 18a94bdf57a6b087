#include "core/frontdoor/TlsMaterial.h"

#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace occ {
namespace {

FrontDoorError tlsError(const QString& message)
{
    return FrontDoorError{FrontDoorError::Kind::Tls, message};
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

// Qt has no public way to compare a private key with a certificate's public key; OpenSSL (which
// Qt's TLS backend uses anyway) does exactly that.
bool keyMatchesCertificate(const QByteArray& certPem, const QByteArray& keyPem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())),
                                                      BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    if (!certBio || !keyBio) {
        return false;
    }
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr),
                                                     X509_free);
    // A null password callback result makes an encrypted key fail here instead of prompting on a terminal.
    auto noPassword = [](char*, int, int, void*) -> int { return 0; };
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassword, nullptr), EVP_PKEY_free);
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
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
    if (!keyMatchesCertificate(certPem, keyPem)) {
        return tlsError(QStringLiteral("The key does not belong to the certificate (their public keys differ)"));
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
