#include "probespecjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace chaoslab::ui {

using probes::ProbeSpec;

namespace {

QJsonArray headersToJson(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QJsonArray array;
    for (const auto& [name, value] : headers)
        array.append(QJsonArray { QString::fromLatin1(name), QString::fromUtf8(value) });
    return array;
}

QList<QPair<QByteArray, QByteArray>> headersFromJson(const QJsonArray& array)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto& item : array) {
        const QJsonArray pair = item.toArray();
        if (pair.size() == 2)
            headers.append({ pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8() });
    }
    return headers;
}

} // namespace

QJsonObject probeSpecToJson(const ProbeSpec& spec)
{
    return QJsonObject {
        { QStringLiteral("id"), spec.id },
        { QStringLiteral("label"), spec.label },
        { QStringLiteral("kind"), probes::kindName(spec.kind) },
        { QStringLiteral("host"), spec.host },
        { QStringLiteral("port"), int(spec.port) },
        { QStringLiteral("proxy"), spec.proxy },
        { QStringLiteral("method"), QString::fromLatin1(spec.method) },
        { QStringLiteral("path"), spec.path },
        { QStringLiteral("headers"), headersToJson(spec.headers) },
        { QStringLiteral("body"), QString::fromUtf8(spec.body) },
        { QStringLiteral("expected_status"), spec.expectedStatus },
        { QStringLiteral("insecure"), spec.insecure },
        { QStringLiteral("user"), spec.user },
        { QStringLiteral("password"), spec.password },
        { QStringLiteral("database"), spec.database },
        { QStringLiteral("interval_ms"), qint64(spec.interval.count()) },
        { QStringLiteral("timeout_ms"), qint64(spec.timeout.count()) },
        { QStringLiteral("concurrency"), spec.concurrency },
        { QStringLiteral("keep_alive"), spec.keepAlive },
    };
}

std::optional<ProbeSpec> probeSpecFromJson(const QJsonObject& object, QString* error)
{
    const QString kindText = object.value(QStringLiteral("kind")).toString();
    const auto kind = probes::kindFromName(kindText);
    if (!kind) {
        *error = QStringLiteral("unknown probe kind \"%1\"").arg(kindText);
        return std::nullopt;
    }
    ProbeSpec spec;
    const auto text = [&object](const char* key, const QString& fallback) {
        return object.value(QLatin1String(key)).toString(fallback);
    };
    const auto number = [&object](const char* key, qint64 fallback) {
        return qint64(object.value(QLatin1String(key)).toDouble(double(fallback)));
    };
    spec.kind = *kind;
    spec.id = text("id", spec.id);
    spec.label = text("label", spec.id);
    spec.host = text("host", spec.host);
    spec.port = quint16(std::clamp<qint64>(number("port", 0), 0, 65535));
    spec.proxy = text("proxy", spec.proxy);
    spec.method = text("method", QString::fromLatin1(spec.method)).toLatin1();
    spec.path = text("path", spec.path);
    spec.headers = headersFromJson(object.value(QStringLiteral("headers")).toArray());
    spec.body = text("body", {}).toUtf8();
    spec.expectedStatus = int(number("expected_status", spec.expectedStatus));
    spec.insecure = object.value(QStringLiteral("insecure")).toBool(spec.insecure);
    spec.user = text("user", {});
    spec.password = text("password", {});
    spec.database = text("database", {});
    spec.interval = std::chrono::milliseconds(number("interval_ms", spec.interval.count()));
    spec.timeout = std::chrono::milliseconds(number("timeout_ms", spec.timeout.count()));
    spec.concurrency = int(number("concurrency", spec.concurrency));
    spec.keepAlive = object.value(QStringLiteral("keep_alive")).toBool(spec.keepAlive);
    return spec;
}

QString probeSpecsToJson(const QList<ProbeSpec>& specs)
{
    QJsonArray array;
    for (const auto& spec : specs)
        array.append(probeSpecToJson(spec));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ProbeSpec> probeSpecsFromJson(const QString& json, QStringList* errors)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (!document.isArray()) {
        errors->append(QStringLiteral("saved probe list is not a JSON array: %1")
                           .arg(parseError.errorString()));
        return {};
    }
    QList<ProbeSpec> specs;
    const QJsonArray array = document.array();
    for (int i = 0; i < array.size(); ++i) {
        QString error;
        if (auto spec = probeSpecFromJson(array.at(i).toObject(), &error))
            specs.append(*spec);
        else
            errors->append(QStringLiteral("saved probe %1: %2").arg(i + 1).arg(error));
    }
    return specs;
}

} // namespace chaoslab::ui
