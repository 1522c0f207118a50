// The Toxiproxy API call of each lab action.
#pragma once

#include "labdocument.h"

#include "toxiproxy/apirequest.h"

namespace chaoslab::lab {

toxiproxy::ApiRequest requestFor(const LabAction& action);

} // namespace chaoslab::lab
