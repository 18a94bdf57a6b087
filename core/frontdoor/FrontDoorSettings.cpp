#include "core/frontdoor/FrontDoorSettings.h"

#include "core/config/Config.h"
#include "core/image/ImageLayout.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace occ {
namespace {

FrontDoorError configError(const QString& message, Hints hints = {})
{
    return FrontDoorError{FrontDoorError::Kind::Config, message, {}, std::move(hints)};
}

} // namespace

QString FrontDoorSettings::modeName(TlsMode mode)
{
    switch (mode) {
    case TlsMode::Off:
        return QStringLiteral("off");
    case TlsMode::Files:
        return QStringLiteral("files");
    case TlsMode::Internal:
        return QStringLiteral("internal");
    case TlsMode::Acme:
        return QStringLiteral("acme");
    }
    return {};
}

Result<FrontDoorSettings, FrontDoorError> FrontDoorSettings::fromConfig(const Config& config)
{
    FrontDoorSettings s;
    if (config.tlsMode == QLatin1String("files")) {
        s.tls = TlsMode::Files;
    } else if (config.tlsMode == QLatin1String("internal")) {
        s.tls = TlsMode::Internal;
    } else if (config.tlsMode == QLatin1String("acme")) {
        s.tls = TlsMode::Acme;
    } else if (config.tlsMode != QLatin1String("off")) {
        return configError(
            QStringLiteral("tls.mode must be off, files, internal or acme, got \"%1\"").arg(config.tlsMode));
    }
    s.hostHttpPort = config.frontDoorHttpPort;
    s.hostHttpsPort = config.frontDoorHttpsPort;
    s.upstream = QStringLiteral("%1:%2").arg(config.containerName).arg(image::Port);
    s.trustedProxies =
        config.frontDoorTrustedProxies.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    s.acmeEmail = config.tlsAcmeEmail;

    if (!config.publicUrl.isEmpty()) {
        const QUrl url(config.publicUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            return configError(QStringLiteral("network.public_url \"%1\" is not a URL").arg(config.publicUrl));
        }
        if (!url.path().isEmpty() && url.path() != QLatin1String("/")) {
            // Upstream opencode builds absolute paths (/assets, /global/event, /pty) into its web UI.
            return configError(
                QStringLiteral("network.public_url \"%1\" has a sub-path, but opencode only works at the root of a "
                               "host name (its web UI uses absolute paths). Use a host of its own, such as "
                               "https://opencode.example.com, or a separate port.")
                    .arg(config.publicUrl));
        }
        s.hostname = url.host().toLower();
        s.publicOrigin = url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
                                      | QUrl::StripTrailingSlash);
    }
    if (s.tls == TlsMode::Files && (config.tlsCertFile.isEmpty() || config.tlsKeyFile.isEmpty())) {
        return configError(QStringLiteral("tls.mode files needs both tls.cert_file and tls.key_file."),
                           {Hint::fixConfigKey(QStringLiteral("tls.cert_file"), QStringLiteral("/path/fullchain.pem")),
                            Hint::fixConfigKey(QStringLiteral("tls.key_file"), QStringLiteral("/path/privkey.pem"))});
    }
    if (s.tls == TlsMode::Acme) {
        if (s.hostname.isEmpty() || !QHostAddress(s.hostname).isNull() || s.hostname == QLatin1String("localhost")
            || !s.hostname.contains(QLatin1Char('.'))) {
            return configError(QStringLiteral("tls.mode acme needs network.public_url with a public domain name "
                                              "(https://opencode.example.com); Let's Encrypt does not certify IP "
                                              "addresses or local names. Use tls.mode internal for those."));
        }
        if (s.acmeEmail.isEmpty()) {
            return configError(
                QStringLiteral("tls.mode acme needs a contact e-mail."),
                {Hint::fixConfigKey(QStringLiteral("tls.acme_email"), QStringLiteral("you@example.com"))});
        }
        if (s.hostHttpPort != 80 && s.hostHttpsPort != 443) {
            return configError(QStringLiteral("tls.mode acme needs frontdoor.http_port 80 or frontdoor.https_port 443: "
                                              "Let's Encrypt only validates on those ports."));
        }
    }
    if (s.tls == TlsMode::Internal) {
        s.extraNames = {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
        if (s.hostname.isEmpty()) {
            s.hostname = QStringLiteral("localhost");
        }
        s.extraNames.removeAll(s.hostname);
    }
    if (s.tlsEnabled() && s.hostname.isEmpty()) {
        return configError(QStringLiteral("tls.mode %1 needs network.public_url (https://host[:port]) so the "
                                          "certificate and the redirect know the host name.")
                               .arg(modeName(s.tls)));
    }
    return s;
}

} // namespace occ
