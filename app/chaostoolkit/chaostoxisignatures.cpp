#include "chaostoxisignatures.h"

namespace chaoslab::chaostoolkit {

namespace {

constexpr const char* proxyActions = "chaostoxi.proxy.actions";
constexpr const char* proxyProbes = "chaostoxi.proxy.probes";
constexpr const char* toxicActions = "chaostoxi.toxic.actions";

ChaostoxiParameter required(const char* name)
{
    return { name, std::nullopt };
}
ChaostoxiParameter optional(const char* name, Json value)
{
    return { name, std::move(value) };
}

const std::vector<ChaostoxiFunction>& functions()
{
    static const std::vector<ChaostoxiFunction> table = {
        { proxyActions, "create_proxy",
            { required("proxy_name"), required("upstream_host"), required("upstream_port"),
                optional("listen_host", "0.0.0.0"), optional("listen_port", 0),
                optional("enabled", true) } },
        { proxyActions, "modify_proxy",
            { required("proxy_name"), optional("listen_address", nullptr),
                optional("upstream_address", nullptr), optional("enabled", nullptr) } },
        { proxyActions, "disable_proxy", { required("proxy_name") } },
        { proxyActions, "enable_proxy", { required("proxy_name") } },
        { proxyActions, "delete_proxy", { required("proxy_name") } },
        { proxyActions, "reset", {} },
        { proxyProbes, "proxy_exist", { required("proxy_name") } },
        { proxyProbes, "get_proxy_attribute", { required("proxy_name"), required("attribute") } },
        { toxicActions, "create_toxic",
            { required("for_proxy"), required("toxic_name"), required("toxic_type"),
                optional("stream", "downstream"), optional("toxicity", 1.0),
                optional("attributes", nullptr) } },
        { toxicActions, "create_latency_toxic",
            { required("for_proxy"), required("toxic_name"), required("latency"),
                optional("jitter", 0) } },
        { toxicActions, "create_bandwith_degradation_toxic",
            { required("for_proxy"), required("toxic_name"), required("rate") } },
        { toxicActions, "create_slow_connection_close_toxic",
            { required("for_proxy"), required("toxic_name"), required("delay") } },
        { toxicActions, "create_timeout_toxic",
            { required("for_proxy"), required("toxic_name"), required("timeout") } },
        { toxicActions, "create_slicer_toxic",
            { required("for_proxy"), required("toxic_name"), required("average_size"),
                required("size_variation"), required("delay") } },
        { toxicActions, "create_limiter_toxic",
            { required("for_proxy"), required("toxic_name"), required("bytes_limit") } },
        { toxicActions, "delete_toxic", { required("for_proxy"), required("toxic_name") } },
    };
    return table;
}

} // namespace

bool isChaostoxiModule(const std::string& module)
{
    return module == proxyActions || module == proxyProbes || module == toxicActions;
}

const ChaostoxiFunction* findChaostoxiFunction(const std::string& module, const std::string& name)
{
    for (const auto& function : functions()) {
        if (function.module == module && function.name == name)
            return &function;
    }
    return nullptr;
}

std::optional<std::string> validateChaostoxiCall(
    const std::string& module, const std::string& name, const Json& arguments)
{
    const auto* function = findChaostoxiFunction(module, name);
    if (!function)
        return "module " + module + " has no function \"" + name + "\"";
    if (!arguments.is_null() && !arguments.is_object())
        return "provider.arguments must be an object";
    for (const auto& parameter : function->parameters) {
        if (!parameter.defaultValue && !arguments.contains(parameter.name))
            return "required argument \"" + parameter.name + "\" of " + name + " is missing";
    }
    if (arguments.is_object()) {
        for (const auto& [key, value] : arguments.items()) {
            bool known = key == "configuration" || key == "secrets";
            for (const auto& parameter : function->parameters)
                known = known || parameter.name == key;
            if (!known)
                return "argument \"" + key + "\" is not part of the signature of " + name;
        }
    }
    return std::nullopt;
}

Json bindChaostoxiArguments(const ChaostoxiFunction& function, const Json& arguments)
{
    Json bound = arguments.is_object() ? arguments : Json::object();
    for (const auto& parameter : function.parameters) {
        if (!bound.contains(parameter.name) && parameter.defaultValue)
            bound[parameter.name] = *parameter.defaultValue;
    }
    return bound;
}

} // namespace chaoslab::chaostoolkit
