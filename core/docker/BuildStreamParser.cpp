#include "core/docker/BuildStreamParser.h"

#include <QRegularExpression>

namespace occ {

BuildStreamParser::BuildStreamParser(ProgressCallback onProgress)
    : m_onProgress(std::move(onProgress))
{ }

void BuildStreamParser::feed(const QByteArray& chunk)
{
    for (const QByteArray& line : m_lines.append(chunk)) {
        handleLine(line);
    }
}

void BuildStreamParser::finish()
{
    const QByteArray rest = m_lines.takeRest();
    if (!rest.isEmpty()) {
        handleLine(rest);
    }
    if (!m_partialText.isEmpty()) {
        emitLine(m_partialText);
        m_partialText.clear();
    }
}

void BuildStreamParser::handleLine(const QByteArray& line)
{
    if (hasError()) {
        return;
    }
    auto json = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (!json.is_object()) {
        m_error =
            DockerError(DockerError::Category::Parse,
                        QStringLiteral("build output is not JSON: %1").arg(QString::fromUtf8(line.left(200))), 200);
        return;
    }
    auto text = [&json](const char* key) -> QString {
        auto it = json.find(key);
        return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };

    if (json.contains("error") || json.contains("errorDetail")) {
        QString message = text("error");
        auto detail = json.find("errorDetail");
        if (message.isEmpty() && detail != json.end() && detail->is_object() && detail->contains("message")
            && (*detail)["message"].is_string()) {
            message = QString::fromStdString((*detail)["message"].get<std::string>());
        }
        m_error = DockerError(DockerError::Category::Server,
                              message.isEmpty() ? QStringLiteral("the build failed") : message.trimmed(), 200);
        return;
    }
    auto aux = json.find("aux");
    if (aux != json.end() && aux->is_object() && aux->contains("ID") && (*aux)["ID"].is_string()) {
        m_imageId = QString::fromStdString((*aux)["ID"].get<std::string>());
        return;
    }
    const QString stream = text("stream");
    if (!stream.isEmpty()) {
        emitText(stream);
        return;
    }
    const QString status = text("status");
    if (!status.isEmpty()) {
        qint64 current = 0;
        qint64 total = 0;
        auto detail = json.find("progressDetail");
        if (detail != json.end() && detail->is_object()) {
            current = detail->value("current", qint64(0));
            total = detail->value("total", qint64(0));
        }
        const QString id = text("id");
        emitLine(id.isEmpty() ? status : id + QStringLiteral(": ") + status, current, total);
    }
}

void BuildStreamParser::emitText(const QString& text)
{
    m_partialText += text;
    qsizetype newline;
    while ((newline = m_partialText.indexOf(QLatin1Char('\n'))) >= 0) {
        const QString line = m_partialText.left(newline).trimmed();
        m_partialText.remove(0, newline + 1);
        if (!line.isEmpty()) {
            emitLine(line);
        }
    }
}

void BuildStreamParser::emitLine(const QString& line, qint64 current, qint64 total)
{
    static const QRegularExpression stepRe(QStringLiteral(R"(^Step (\d+)/(\d+) :)"));
    static const QRegularExpression builtRe(QStringLiteral(R"(^Successfully built ([0-9a-f]+)$)"));
    const QRegularExpressionMatch step = stepRe.match(line);
    if (step.hasMatch()) {
        m_step = step.captured(1).toInt();
        m_totalSteps = step.captured(2).toInt();
    }
    // Engines that send no aux ID still end with "Successfully built <short id>".
    const QRegularExpressionMatch built = builtRe.match(line);
    if (built.hasMatch() && m_imageId.isEmpty()) {
        m_imageId = built.captured(1);
    }
    if (m_onProgress) {
        m_onProgress(BuildProgress{line, m_step, m_totalSteps, current, total});
    }
}

} // namespace occ
