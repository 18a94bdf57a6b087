// docs/aws/alb.json, the CloudFormation template of docs/aws-alb.md, checked offline: it parses, every Ref
// and GetAtt points at something that exists, and it says exactly what the page says (health check,
// idle timeout, HTTPS with ACM, HTTP -> HTTPS redirect, instance reachable only from the load balancer).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

class TestAwsTemplate : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_template;
    QJsonObject resources() const { return m_template.value("Resources").toObject(); }
    QJsonObject parameters() const { return m_template.value("Parameters").toObject(); }
    QJsonObject properties(const QString& name) const
    {
        return resources().value(name).toObject().value("Properties").toObject();
    }
    QStringList resourcesOfType(const QString& type) const
    {
        QStringList names;
        const QJsonObject r = resources();
        for (auto it = r.begin(); it != r.end(); ++it) {
            if (it.value().toObject().value("Type").toString() == type) {
                names << it.key();
            }
        }
        return names;
    }
    // A literal, or the Default of the parameter a {"Ref": ...} names.
    QJsonValue resolve(const QJsonValue& v) const
    {
        const QString ref = v.toObject().value("Ref").toString();
        if (!ref.isEmpty() && parameters().contains(ref)) {
            return parameters().value(ref).toObject().value("Default");
        }
        return v;
    }
    static bool isRefTo(const QJsonValue& v, const QString& name)
    {
        const QJsonObject o = v.toObject();
        return o.value("Ref").toString() == name || o.value("Fn::GetAtt").toArray().at(0).toString() == name;
    }
    void collectReferences(const QJsonValue& v, QStringList* refs, QStringList* atts) const
    {
        if (v.isArray()) {
            for (const QJsonValue& e : v.toArray()) {
                collectReferences(e, refs, atts);
            }
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == QLatin1String("Ref")) {
                    refs->append(it.value().toString());
                } else if (it.key() == QLatin1String("Fn::GetAtt")) {
                    atts->append(it.value().toArray().at(0).toString());
                } else {
                    collectReferences(it.value(), refs, atts);
                }
            }
        }
    }

private Q_SLOTS:
    void initTestCase();
    void everyReferenceResolves();
    void targetGroupChecksHealthzFor200();
    void idleTimeoutIsAtLeast300Seconds();
    void httpsListenerUsesTheAcmCertificateParameter();
    void httpListenerRedirectsToHttpsWith301();
    void instanceIsReachableOnlyFromTheLoadBalancer();
};

void TestAwsTemplate::initTestCase()
{
    QFile file(QStringLiteral(OCC_SOURCE_DIR "/docs/aws/alb.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset)));
    m_template = doc.object();
    QCOMPARE(m_template.value("AWSTemplateFormatVersion").toString(), QStringLiteral("2010-09-09"));
    QVERIFY(!resources().isEmpty());
}

void TestAwsTemplate::everyReferenceResolves()
{
    QStringList refs, atts;
    collectReferences(m_template.value("Resources"), &refs, &atts);
    collectReferences(m_template.value("Outputs"), &refs, &atts);
    QVERIFY(!refs.isEmpty());
    for (const QString& r : refs) {
        QVERIFY2(parameters().contains(r) || resources().contains(r) || r.startsWith(QLatin1String("AWS::")),
                 qPrintable(QStringLiteral("Ref %1 names nothing").arg(r)));
    }
    for (const QString& a : atts) {
        QVERIFY2(resources().contains(a), qPrintable(QStringLiteral("GetAtt %1 names no resource").arg(a)));
    }
    const QJsonObject r = resources();
    for (auto it = r.begin(); it != r.end(); ++it) {
        QVERIFY2(it.value().toObject().value("Type").toString().startsWith(QLatin1String("AWS::")),
                 qPrintable(it.key()));
    }
}

void TestAwsTemplate::targetGroupChecksHealthzFor200()
{
    const QStringList groups = resourcesOfType("AWS::ElasticLoadBalancingV2::TargetGroup");
    QCOMPARE(groups.size(), 1);
    const QJsonObject tg = properties(groups.first());
    QCOMPARE(tg.value("Protocol").toString(), QStringLiteral("HTTP")); // TLS ends at the load balancer
    QCOMPARE(tg.value("HealthCheckPath").toString(), QStringLiteral("/healthz"));
    QCOMPARE(tg.value("Matcher").toObject().value("HttpCode").toString(), QStringLiteral("200"));
    QVERIFY(isRefTo(tg.value("Port"), "InstancePort"));
    QCOMPARE(resolve(tg.value("Port")).toInt(), 80); // frontdoor.http_port's default
}

void TestAwsTemplate::idleTimeoutIsAtLeast300Seconds()
{
    const QStringList lbs = resourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer");
    QCOMPARE(lbs.size(), 1);
    const QJsonObject lb = properties(lbs.first());
    QCOMPARE(lb.value("Type").toString(), QStringLiteral("application"));
    bool found = false;
    for (const QJsonValue& attr : lb.value("LoadBalancerAttributes").toArray()) {
        if (attr.toObject().value("Key").toString() != QLatin1String("idle_timeout.timeout_seconds")) {
            continue;
        }
        found = true;
        const QJsonValue raw = attr.toObject().value("Value");
        const QJsonValue value = resolve(raw);
        const int seconds = value.isString() ? value.toString().toInt() : value.toInt();
        QVERIFY2(seconds >= 300, qPrintable(QString::number(seconds)));
        // A parameter must not let anyone go below 300 either.
        const QString ref = raw.toObject().value("Ref").toString();
        if (!ref.isEmpty()) {
            QVERIFY(parameters().value(ref).toObject().value("MinValue").toInt() >= 300);
        }
    }
    QVERIFY2(found, "no idle_timeout.timeout_seconds attribute: the default 60 s cuts long event streams");
}

void TestAwsTemplate::httpsListenerUsesTheAcmCertificateParameter()
{
    int https = 0;
    for (const QString& name : resourcesOfType("AWS::ElasticLoadBalancingV2::Listener")) {
        const QJsonObject l = properties(name);
        if (l.value("Protocol").toString() != QLatin1String("HTTPS")) {
            continue;
        }
        ++https;
        QCOMPARE(l.value("Port").toInt(), 443);
        const QJsonArray certs = l.value("Certificates").toArray();
        QCOMPARE(certs.size(), 1);
        const QString param = certs.at(0).toObject().value("CertificateArn").toObject().value("Ref").toString();
        QVERIFY2(parameters().contains(param), "the certificate ARN must be a parameter");
        QVERIFY(parameters().value(param).toObject().value("AllowedPattern").toString().contains("acm"));
        const QJsonObject action = l.value("DefaultActions").toArray().at(0).toObject();
        QCOMPARE(action.value("Type").toString(), QStringLiteral("forward"));
        QCOMPARE(resourcesOfType("AWS::ElasticLoadBalancingV2::TargetGroup").first(),
                 action.value("TargetGroupArn").toObject().value("Ref").toString());
    }
    QCOMPARE(https, 1);
}

void TestAwsTemplate::httpListenerRedirectsToHttpsWith301()
{
    int http = 0;
    for (const QString& name : resourcesOfType("AWS::ElasticLoadBalancingV2::Listener")) {
        const QJsonObject l = properties(name);
        if (l.value("Protocol").toString() != QLatin1String("HTTP")) {
            continue;
        }
        ++http;
        QCOMPARE(l.value("Port").toInt(), 80);
        const QJsonArray actions = l.value("DefaultActions").toArray();
        QCOMPARE(actions.size(), 1);
        const QJsonObject action = actions.at(0).toObject();
        QCOMPARE(action.value("Type").toString(), QStringLiteral("redirect"));
        const QJsonObject redirect = action.value("RedirectConfig").toObject();
        QCOMPARE(redirect.value("Protocol").toString(), QStringLiteral("HTTPS"));
        QCOMPARE(redirect.value("Port").toString(), QStringLiteral("443"));
        QCOMPARE(redirect.value("StatusCode").toString(), QStringLiteral("HTTP_301"));
    }
    QCOMPARE(http, 1);
}

void TestAwsTemplate::instanceIsReachableOnlyFromTheLoadBalancer()
{
    const QStringList lbs = resourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer");
    const QJsonArray lbGroups = properties(lbs.first()).value("SecurityGroups").toArray();
    QCOMPARE(lbGroups.size(), 1);
    const QString albGroup = lbGroups.at(0).toObject().value("Ref").toString();
    QVERIFY(resources().contains(albGroup));

    const QStringList groups = resourcesOfType("AWS::EC2::SecurityGroup");
    QVERIFY(groups.contains("InstanceSecurityGroup"));
    const QJsonArray ingress = properties("InstanceSecurityGroup").value("SecurityGroupIngress").toArray();
    QCOMPARE(ingress.size(), 1);
    const QJsonObject rule = ingress.at(0).toObject();
    QVERIFY2(!rule.contains("CidrIp") && !rule.contains("CidrIpv6") && !rule.contains("SourcePrefixListId"),
             "the instance must not be open to address ranges");
    QVERIFY(isRefTo(rule.value("SourceSecurityGroupId"), albGroup));
    QVERIFY(isRefTo(rule.value("FromPort"), "InstancePort"));
    QVERIFY(isRefTo(rule.value("ToPort"), "InstancePort"));
    // No separate ingress resources that widen it.
    for (const QString& name : resourcesOfType("AWS::EC2::SecurityGroupIngress")) {
        QVERIFY2(!isRefTo(properties(name).value("GroupId"), "InstanceSecurityGroup"), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestAwsTemplate)
#include "TestAwsTemplate.moc"
