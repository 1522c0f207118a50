#include "labrequests.h"

namespace chaoslab::lab {

namespace req = toxiproxy::requests;

toxiproxy::ApiRequest requestFor(const LabAction& action)
{
    switch (action.kind) {
    case LabAction::Kind::AddToxic:
        return req::createToxic(action.proxy, action.toxic);
    case LabAction::Kind::UpdateToxic: {
        toxiproxy::ToxicUpdate update;
        if (action.toxicityGiven)
            update.toxicity = action.toxic.toxicity;
        update.attributes = action.toxic.attributes;
        return req::updateToxic(action.proxy, action.toxic.name, update);
    }
    case LabAction::Kind::RemoveToxic:
        return req::deleteToxic(action.proxy, action.toxic.name);
    case LabAction::Kind::EnableProxy:
    case LabAction::Kind::DisableProxy: {
        toxiproxy::ProxyUpdate update;
        update.enabled = action.kind == LabAction::Kind::EnableProxy;
        return req::updateProxy(action.proxy, update);
    }
    case LabAction::Kind::Reset:
        break;
    }
    return req::reset();
}

} // namespace chaoslab::lab
