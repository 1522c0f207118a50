// The Python functions of chaostoxi 0.3.1 (the Chaos Toolkit extension for Toxiproxy) that
// Chaos Lab runs natively: their modules, names, parameters and defaults. The loader checks
// experiment arguments against them as chaostoolkit checks a Python signature.
//
//   chaostoxi.proxy.actions  create_proxy, modify_proxy, disable_proxy, enable_proxy,
//                            delete_proxy, reset
//   chaostoxi.proxy.probes   proxy_exist, get_proxy_attribute
//   chaostoxi.toxic.actions  create_toxic, create_latency_toxic,
//                            create_bandwith_degradation_toxic (sic),
//                            create_slow_connection_close_toxic, create_timeout_toxic,
//                            create_slicer_toxic, create_limiter_toxic, delete_toxic
#pragma once

#include "experiment.h"

#include <optional>
#include <string>
#include <vector>

namespace chaoslab::chaostoolkit {

struct ChaostoxiParameter
{
    std::string name;
    // Unset for a required parameter.
    std::optional<Json> defaultValue;
};

struct ChaostoxiFunction
{
    std::string module;
    std::string name;
    std::vector<ChaostoxiParameter> parameters;
};

bool isChaostoxiModule(const std::string& module);

// Returns nullptr when the module has no such function.
const ChaostoxiFunction* findChaostoxiFunction(const std::string& module, const std::string& name);

// Returns what is wrong with the call: an unknown function, a missing required argument or an
// argument the function does not take.
std::optional<std::string> validateChaostoxiCall(
    const std::string& module, const std::string& name, const Json& arguments);

// Returns the arguments with the defaults of the parameters the call leaves out.
Json bindChaostoxiArguments(const ChaostoxiFunction& function, const Json& arguments);

} // namespace chaoslab::chaostoolkit
