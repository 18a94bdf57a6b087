#include "core/frontdoor/Caddyfile.h"

#include "core/frontdoor/FrontDoorSettings.h"

#include <QStringList>

namespace occ::Caddyfile {
namespace {

QString quoted(const QString& s)
{
    QString escaped = s;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString globalOptions(const FrontDoorSettings& s)
{
    QStringList out;
    out << QStringLiteral("{");
    // No admin API: the rendered file is the whole truth, and nothing listens on port 2019.
    out << QStringLiteral("\tadmin off");
    out << QStringLiteral("\thttp_port %1").arg(FrontDoorSettings::ContainerHttpPort);
    out << QStringLiteral("\thttps_port %1").arg(FrontDoorSettings::ContainerHttpsPort);
    switch (s.tls) {
    case FrontDoorSettings::TlsMode::Off:
        out << QStringLiteral("\tauto_https off");
        break;
    case FrontDoorSettings::TlsMode::Files:
    case FrontDoorSettings::TlsMode::Internal:
        // Our own redirect site below knows the host's HTTPS port; Caddy's would use the container's.
        out << QStringLiteral("\tauto_https disable_redirects");
        // Clients that connect by IP send no SNI: give them our certificate anyway.
        out << QStringLiteral("\tdefault_sni %1").arg(s.hostname);
        break;
    case FrontDoorSettings::TlsMode::Acme:
        out << QStringLiteral("\tauto_https disable_redirects");
        out << QStringLiteral("\temail %1").arg(s.acmeEmail);
        break;
    }
    out << QStringLiteral("\tservers {");
    // Long-lived streams (SSE, the web terminal) must not be cut: no read/write deadline on bodies,
    // only on slow headers, and idle keep-alive connections close after 10 minutes.
    out << QStringLiteral("\t\ttimeouts {");
    out << QStringLiteral("\t\t\tread_header 30s");
    out << QStringLiteral("\t\t\tread_body 0");
    out << QStringLiteral("\t\t\twrite 0");
    out << QStringLiteral("\t\t\tidle 10m");
    out << QStringLiteral("\t\t}");
    out << QStringLiteral("\t}");
    out << QStringLiteral("}");
    return out.join(QLatin1Char('\n'));
}

// GET /healthz without credentials: the proxy asks opencode's /global/health with them. A client's own
// Authorization header is replaced, and only the status and opencode's small JSON come back.
QString healthzSnippet(const FrontDoorSettings& s)
{
    return QStringLiteral("(healthz) {\n"
                          "\t@healthz {\n"
                          "\t\tpath /healthz\n"
                          "\t\tmethod GET HEAD\n"
                          "\t}\n"
                          "\thandle @healthz {\n"
                          "\t\trewrite * /global/health\n"
                          "\t\treverse_proxy %1 {\n"
                          "\t\t\theader_up Authorization \"Basic {env.%2}\"\n"
                          "\t\t\theader_up -Cookie\n"
                          "\t\t\theader_down -Set-Cookie\n"
                          "\t\t\theader_down -WWW-Authenticate\n"
                          "\t\t\t# A hung opencode must fail the check, not hang it.\n"
                          "\t\t\ttransport http {\n"
                          "\t\t\t\tdial_timeout 3s\n"
                          "\t\t\t\tresponse_header_timeout 5s\n"
                          "\t\t\t}\n"
                          "\t\t}\n"
                          "\t}\n"
                          "}")
        .arg(s.upstream, QString::fromLatin1(UpstreamAuthEnv));
}

// X-Forwarded-For/Proto/Host are believed only from these peers; from anyone else Caddy replaces them.
// Caddy 2.6.2 (Debian 12) has this per reverse_proxy; the global `servers { trusted_proxies }` is 2.6.3+.
QString trustedProxies(const FrontDoorSettings& s, const QString& indent)
{
    if (s.trustedProxies.isEmpty()) {
        return {};
    }
    return indent + QStringLiteral("trusted_proxies %1\n").arg(s.trustedProxies.join(QLatin1Char(' ')));
}

QString opencodeSnippet(const FrontDoorSettings& s)
{
    QStringList out;
    out << QStringLiteral("(opencode) {");
    out << QStringLiteral("\theader {");
    out << QStringLiteral("\t\tX-Content-Type-Options nosniff");
    out << QStringLiteral("\t\tX-Frame-Options SAMEORIGIN");
    out << QStringLiteral("\t\tReferrer-Policy same-origin");
    out << QStringLiteral("\t\tPermissions-Policy \"camera=(), microphone=(), geolocation=()\"");
    if (s.tlsEnabled()) {
        out << QStringLiteral("\t\tStrict-Transport-Security \"max-age=31536000\"");
    }
    out << QStringLiteral("\t\t-Server");
    out << QStringLiteral("\t}");
    out << QStringLiteral("\timport healthz");
    // opencode checks no Origin, and browsers resend cached basic-auth credentials on cross-site
    // requests: refuse state-changing methods and WebSocket upgrades whose Origin is neither this
    // host (as the browser addressed it) nor the configured public URL. Requests without an Origin
    // (curl, the CLI) are not browsers' cross-site requests and pass.
    QString sameOrigin = QStringLiteral("{http.request.header.Origin}.endsWith(\"//\" + {http.request.hostport})");
    if (!s.publicOrigin.isEmpty()) {
        sameOrigin += QStringLiteral(" || {http.request.header.Origin} == %1").arg(quoted(s.publicOrigin));
    }
    out << QStringLiteral("\t@crossOrigin expression `{http.request.header.Origin} != \"\" && "
                          "({http.request.method} in [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"] || "
                          "{http.request.header.Upgrade} != \"\") && !(%1)`")
               .arg(sameOrigin);
    out << QStringLiteral("\thandle @crossOrigin {");
    out << QStringLiteral("\t\trespond \"Cross-origin request refused by the opencode-cloud front door\" 403");
    out << QStringLiteral("\t}");
    // Server-sent events: every event is flushed at once (opencode's heartbeat comes every 10 s).
    out << QStringLiteral("\t@events path /global/event /event");
    out << QStringLiteral("\thandle @events {");
    out << QStringLiteral("\t\treverse_proxy %1 {").arg(s.upstream);
    out << trustedProxies(s, QStringLiteral("\t\t\t")) + QStringLiteral("\t\t\tflush_interval -1");
    out << QStringLiteral("\t\t}");
    out << QStringLiteral("\t}");
    // Everything else, the web terminal's WebSocket (/pty/...) included: Caddy passes upgrades through.
    out << QStringLiteral("\thandle {");
    out << QStringLiteral("\t\treverse_proxy %1 {").arg(s.upstream);
    out << trustedProxies(s, QStringLiteral("\t\t\t")) + QStringLiteral("\t\t\ttransport http {");
    out << QStringLiteral("\t\t\t\tdial_timeout 5s");
    out << QStringLiteral("\t\t\t\tkeepalive 5m");
    out << QStringLiteral("\t\t\t}");
    out << QStringLiteral("\t\t}");
    out << QStringLiteral("\t}");
    out << QStringLiteral("}");
    return out.join(QLatin1Char('\n'));
}

QString httpsPortSuffix(const FrontDoorSettings& s)
{
    return s.hostHttpsPort == 443 ? QString() : QStringLiteral(":%1").arg(s.hostHttpsPort);
}

} // namespace

QString render(const FrontDoorSettings& s)
{
    QStringList out;
    out << QStringLiteral("# Rendered by opencode-cloud (core/frontdoor/Caddyfile.cpp) from config.json; occ rewrites "
                          "it on every start.");
    out << QStringLiteral("# TLS mode: %1").arg(FrontDoorSettings::modeName(s.tls));
    out << globalOptions(s) << QString();
    out << healthzSnippet(s) << QString();
    out << opencodeSnippet(s) << QString();

    const int http = FrontDoorSettings::ContainerHttpPort;
    const int https = FrontDoorSettings::ContainerHttpsPort;
    if (!s.tlsEnabled()) {
        out << QStringLiteral("http://:%1 {").arg(http);
        out << QStringLiteral("\timport opencode");
        out << QStringLiteral("}");
        return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }

    // Plain HTTP: /healthz (load balancers, uptime checks), everything else to HTTPS on the host's port.
    out << QStringLiteral("http://:%1 {").arg(http);
    out << QStringLiteral("\timport healthz");
    out << QStringLiteral("\thandle {");
    out << QStringLiteral("\t\tredir https://{http.request.host}%1{uri} 308").arg(httpsPortSuffix(s));
    out << QStringLiteral("\t}");
    out << QStringLiteral("}") << QString();

    QStringList addresses;
    if (s.tls == FrontDoorSettings::TlsMode::Acme) {
        addresses << QStringLiteral("https://%1:%2").arg(s.hostname).arg(https);
    } else {
        // Any name or IP the client used: the certificate decides what it trusts.
        addresses << QStringLiteral("https://:%1").arg(https);
    }
    out << addresses.join(QStringLiteral(", ")) + QStringLiteral(" {");
    if (s.tls != FrontDoorSettings::TlsMode::Acme) {
        out << QStringLiteral("\ttls %1 %2").arg(QString::fromLatin1(CertFile), QString::fromLatin1(KeyFile));
    }
    out << QStringLiteral("\timport opencode");
    out << QStringLiteral("}");
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace occ::Caddyfile
