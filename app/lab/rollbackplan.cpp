#include "rollbackplan.h"

namespace chaoslab::lab {

namespace req = toxiproxy::requests;
using toxiproxy::ApiRequest;
using toxiproxy::Proxy;
using toxiproxy::Toxic;

namespace {

// Adds the calls that turn the toxics of `now` into those of `before`. A toxic whose
// type or stream changed is removed and created again, because Toxiproxy cannot
// change either in place.
void restoreToxics(const Proxy& before, const Proxy& now, QList<ApiRequest>& requests)
{
    for (const Toxic& current : now.toxics) {
        const Toxic* recorded = before.findToxic(current.name);
        const bool replaceable
            = recorded && recorded->type == current.type && recorded->stream == current.stream;
        if (!replaceable)
            requests.append(req::deleteToxic(before.name, current.name));
    }
    for (const Toxic& recorded : before.toxics) {
        const Toxic* current = now.findToxic(recorded.name);
        const bool replaceable
            = current && current->type == recorded.type && current->stream == recorded.stream;
        if (!replaceable) {
            requests.append(req::createToxic(before.name, recorded));
        } else if (!(*current == recorded)) {
            toxiproxy::ToxicUpdate update;
            update.toxicity = recorded.toxicity;
            update.attributes = recorded.attributes;
            requests.append(req::updateToxic(before.name, recorded.name, update));
        }
    }
}

} // namespace

QList<ApiRequest> rollbackRequests(
    const QString& name, const std::optional<Proxy>& before, const std::optional<Proxy>& now)
{
    QList<ApiRequest> requests;
    if (!before) {
        if (now)
            requests.append(req::deleteProxy(name));
        return requests;
    }
    if (!now) {
        Proxy created = *before;
        created.toxics.clear();
        requests.append(req::createProxy(created));
        restoreToxics(*before, Proxy { before->name, {}, {}, true, {} }, requests);
        return requests;
    }
    toxiproxy::ProxyUpdate update;
    if (now->listen != before->listen)
        update.listen = before->listen;
    if (now->upstream != before->upstream)
        update.upstream = before->upstream;
    if (now->enabled != before->enabled)
        update.enabled = before->enabled;
    if (update.listen || update.upstream || update.enabled)
        requests.append(req::updateProxy(name, update));
    restoreToxics(*before, *now, requests);
    return requests;
}

} // namespace chaoslab::lab
