#include "core/service/HealthProbe.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace occ {

HealthProbe::Result HealthProbe::probe(const QString& baseUrl, const QString& username, const QString& password,
                                       int timeoutMs, QNetworkAccessManager* nam)
{
    std::unique_ptr<QNetworkAccessManager> own;
    if (!nam) {
        own = std::make_unique<QNetworkAccessManager>();
        nam = own.get();
    }
    QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/global/health")));
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!password.isEmpty()) {
        // Sent pre-emptively: opencode answers 401 without a challenge body we could wait for.
        const QByteArray token = (username + QLatin1Char(':') + password).toUtf8().toBase64();
        request.setRawHeader("Authorization", "Basic " + token);
    }
    QNetworkReply* reply = nam->get(request);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs + 200);
    if (!reply->isFinished()) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    Result result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        result.answered = true;
        result.httpStatus = status.toInt();
    } else {
        result.error = reply->errorString();
    }
    reply->deleteLater();
    return result;
}

} // namespace occ
