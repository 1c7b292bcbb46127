// authorize.cpp - roles and places against the message table's access column.
#include "authorize.h"

#include <string>

#include "protocol/access.h"

namespace hallq {

namespace {
Error forbidden(std::string why) { return Error{ErrorCode::forbidden, std::move(why)}; }
}  // namespace

std::optional<Error> authorize(const Call& call, const Hall& hall) {
    const Device* d = call.device;
    if (!d) return std::nullopt;
    const Access& access = access_of(call.msg.type);
    std::string who = std::string(to_string(d->role)) + " " + d->name();
    if (!access.allows(d->role))
        return forbidden(who + " may not send " + std::string(call.msg.name));
    const Json& body = call.req.body;
    // A kiosk issues normal tickets: green ones come from the ID card's age (or the help desk), and
    // reservation tickets from check_in.
    if (d->role == Role::kiosk && call.msg.type == MessageType::issue_ticket &&
        ((body.contains("class") && body["class"] != "normal") || body.contains("reservation") ||
         body.contains("slot")))
        return forbidden(who + " issues normal tickets only (green by ID card age, reservations by check_in)");
    Scope scope = access.scope_of(d->role);
    if (scope == Scope::none) return std::nullopt;
    auto it = body.find("window");
    if (it == body.end() || !it->is_number_integer())
        return forbidden(who + " must name its window");
    int window = it->get<int>();
    if (scope == Scope::window) {
        if (d->window() == 0 && d->role == Role::desk) return std::nullopt;  // a roaming desk
        if (window != d->window())
            return forbidden(who + " is enrolled at window " + std::to_string(d->window()) + ", not " +
                             std::to_string(window));
        return std::nullopt;
    }
    const WindowStatus* w = hall.window(window);
    if (!w || w->clerk.empty() || w->device != d->name())
        return forbidden(who + " has no clerk session at window " + std::to_string(window) +
                         " (log in from this desk first)");
    return std::nullopt;
}

}  // namespace hallq
