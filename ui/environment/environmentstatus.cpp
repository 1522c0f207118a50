#include "environmentstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chaoslab::ui {

namespace {

EnvironmentItem itemFromJson(const QJsonObject& object, EnvironmentItem::Kind kind)
{
    EnvironmentItem item;
    item.kind = kind;
    item.name = object.value(u"name").toString();
    const bool proxy = kind == EnvironmentItem::Kind::Proxy;
    item.address = object.value(proxy ? u"listen" : u"address").toString();
    item.upstream = object.value(u"upstream").toString();
    item.state = environmentStateFromName(object.value(u"state").toString());
    item.pid = object.value(u"pid").toInteger();
    item.detail = object.value(u"detail").toString();
    item.fix = object.value(u"fix").toString();
    item.reason = object.value(u"reason").toString();
    item.log = object.value(u"log").toString();
    item.command = object.value(u"command").toString();
    item.enabled = object.value(u"enabled").toBool();
    item.actualListen = object.value(u"actual_listen").toString(item.address);
    item.actualUpstream = object.value(u"actual_upstream").toString(item.upstream);
    item.upstreamAccepts = object.value(u"upstream_accepts").toBool(true);
    item.toxics = object.value(u"toxics").toInt();
    const QJsonObject restore = object.value(u"restore").toObject();
    item.restoreListen = restore.value(u"listen").toString();
    item.restoreUpstream = restore.value(u"upstream").toString();
    item.restoreEnabled = restore.value(u"enabled").toBool();
    return item;
}

} // namespace

EnvironmentItem::State environmentStateFromName(const QString& name)
{
    using State = EnvironmentItem::State;
    if (name == u"running")
        return State::Running;
    if (name == u"stopped")
        return State::Stopped;
    if (name == u"missing")
        return State::Missing;
    if (name == u"failed")
        return State::Failed;
    if (name == u"external")
        return State::External;
    return State::Unknown;
}

std::optional<EnvironmentStatus> EnvironmentStatus::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("not JSON: %1 at offset %2")
                  .arg(parseError.errorString())
                  .arg(parseError.offset)
            : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (!root.value(u"services").isArray() || !root.value(u"proxies").isArray()) {
        *error = QStringLiteral("the \"services\" or \"proxies\" list is missing");
        return std::nullopt;
    }
    EnvironmentStatus status;
    status.folder = root.value(u"dir").toString();
    status.apiUrl = root.value(u"api").toString();
    status.engine = root.value(u"engine").toString();
    for (const QJsonValue& value : root.value(u"services").toArray())
        status.items.append(itemFromJson(value.toObject(), EnvironmentItem::Kind::Service));
    for (const QJsonValue& value : root.value(u"proxies").toArray())
        status.items.append(itemFromJson(value.toObject(), EnvironmentItem::Kind::Proxy));
    return status;
}

bool EnvironmentStatus::anyStartedHere() const
{
    if (engine == u"started")
        return true;
    for (const EnvironmentItem& item : items) {
        if (item.kind == EnvironmentItem::Kind::Service
            && item.state == EnvironmentItem::State::Running)
            return true;
    }
    return false;
}

} // namespace chaoslab::ui
