#include "core/docker/ApiVersion.h"

#include <QStringList>
#include <QVector>

namespace occ {

namespace {

QVector<int> parts(const QString& version)
{
    QVector<int> result;
    for (const QString& part : version.trimmed().split(QLatin1Char('.'))) {
        result.append(part.toInt());
    }
    return result;
}

bool looksLikeVersion(const QString& version)
{
    const QStringList list = version.trimmed().split(QLatin1Char('.'));
    if (list.size() != 2) {
        return false;
    }
    for (const QString& part : list) {
        bool ok = false;
        part.toInt(&ok);
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

int ApiVersion::compare(const QString& a, const QString& b)
{
    const QVector<int> pa = parts(a);
    const QVector<int> pb = parts(b);
    const int n = qMax(pa.size(), pb.size());
    for (int i = 0; i < n; ++i) {
        const int x = i < pa.size() ? pa[i] : 0;
        const int y = i < pb.size() ? pb[i] : 0;
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return 0;
}

Result<QString, DockerError> ApiVersion::negotiate(const QString& engineVersion)
{
    if (!looksLikeVersion(engineVersion)) {
        return DockerError(DockerError::Category::ApiVersion,
                           QStringLiteral("the engine reported no usable API version (\"%1\")").arg(engineVersion));
    }
    const QString minimum = QString::fromLatin1(Minimum);
    if (compare(engineVersion, minimum) < 0) {
        return DockerError(DockerError::Category::ApiVersion,
                           QStringLiteral("engine API version %1 is older than the minimum supported %2")
                               .arg(engineVersion.trimmed(), minimum));
    }
    const QString newest = QString::fromLatin1(Newest);
    return compare(engineVersion, newest) > 0 ? newest : engineVersion.trimmed();
}

} // namespace occ
