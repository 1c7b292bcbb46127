// authorize.h - the pipeline's authorize step: may this device send this message?
//
// The message table's access column (protocol/messages.def, protocol/access.h) names the roles.
// A scoped role is checked against the body's `window`: "@window" against the window the device
// is enrolled at (a desk enrolled without one may use any), "@session" against the window where
// the device's own clerk session is (the desk the clerk logged in from). A request made inside
// the server process (no device) is trusted. The refusal is `forbidden` with the reason.
#pragma once
#include <optional>

#include "modules/module.h"

namespace hallq {

std::optional<Error> authorize(const Call& call, const Hall& hall);

}  // namespace hallq
