#pragma once

#include "core/util/Hint.h"

#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace occ {

// `occ doctor --url`: checks a deployed opencode-cloud URL end to end from the outside, the way a
// browser and a load balancer see it. Synchronous (local event loops), no widgets.
struct UrlDoctorOptions
{
    QUrl url; // https://host[:port] (http:// works too, without the TLS check)
    QString caCertFile; // PEM CA(s) to trust instead of the system's; empty = system CAs
    QString user = QStringLiteral("opencode");
    QString password; // empty = the authenticated checks fail with a hint
    int streamSeconds = 90; // how long /global/event must stay open
    int timeoutMs = 15000; // per request (connect + answer)
};

struct UrlCheck
{
    enum class Result { Ok, Warn, Fail, Skip };
    QString name;
    Result result = Result::Fail;
    QString detail;
    Hints hints; // what helps, worded by the front end (the CLI: the `occ` command to run on the host)
    bool failed() const { return result == Result::Fail; }
};

class UrlDoctor : public QObject
{
    Q_OBJECT

public:
    explicit UrlDoctor(UrlDoctorOptions options, QObject* parent = nullptr);

    // All checks in order; onCheck sees each one as soon as it is done (the stream check takes long).
    QList<UrlCheck> run(const std::function<void(const UrlCheck&)>& onCheck = {});

    UrlCheck checkTls();
    UrlCheck checkHealthz();
    UrlCheck checkUnauthenticated();
    UrlCheck checkAuthenticated();
    UrlCheck checkEventStream();
    UrlCheck checkWebSocket();

    // "https://host:port" as a browser sends it in Origin (default ports left out).
    static QString origin(const QUrl& url);

private:
    struct Answer
    {
        int status = 0;
        QString error; // transport error (TLS, refused, timeout), empty when an HTTP answer came
        QByteArray body;
    };
    Answer get(const QString& path, bool withCredentials, int timeoutMs);
    Answer request(const QByteArray& verb, const QString& path, const QByteArray& body, int timeoutMs);
    QUrl urlFor(const QString& path) const;
    QByteArray authorization() const;
    QSslConfiguration sslConfiguration() const;

    UrlDoctorOptions m_options;
    QNetworkAccessManager* m_nam;
};

} // namespace occ
