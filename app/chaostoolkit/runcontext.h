// The state that every provider of one run shares: the resolved configuration (which activities
// such as create_proxy extend), the address maps and the log.
#pragma once

#include "addressmap.h"
#include "configuration.h"
#include "runlog.h"

namespace chaoslab::chaostoolkit {

struct RunContext
{
    Configuration configuration;
    AddressMap addressMap;
    LogSink log = [](LogLevel, const std::string&) {};
};

} // namespace chaoslab::chaostoolkit
