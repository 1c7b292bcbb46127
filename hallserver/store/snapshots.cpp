// snapshots.cpp - delta snapshots: the changed tickets, and merging stored rows on load.
#include "snapshots.h"

#include "protocol/codec.h"

namespace hallq {

void SnapshotDeltas::note(std::span<const Event> events) {
    for (const Event& e : events) {
        if (e.type == EventType::day_rollover || e.type == EventType::hall_setup) all_changed_ = true;
        if (e.ticket) changed_.insert(e.ticket);
    }
}

std::string SnapshotDeltas::snapshot(const Hall& after) {
    Json j = snapshot_json(after, false);
    Json& tickets = j["tickets"] = Json::array();
    if (all_changed_) {
        for (const auto& [id, t] : after.tickets()) tickets.push_back(to_json(t));
    } else {
        j["delta"] = true;
        for (int64_t id : changed_)
            if (const Ticket* t = after.ticket(id)) tickets.push_back(to_json(*t));
    }
    changed_.clear();
    all_changed_ = false;
    return j.dump();
}

bool SnapshotMerge::add(const std::string& row) {
    Json j = Json::parse(row);
    if (!j.is_object()) throw std::runtime_error("not a snapshot");
    if (auto it = j.find("tickets"); it != j.end() && it->is_array())
        for (auto& t : *it) tickets_.try_emplace(json_get<int64_t>(t, "id", 0), std::move(t));
    bool delta = json_get<bool>(j, "delta", false);
    if (!newest_) newest_ = std::move(j);
    return delta;
}

std::optional<Hall> SnapshotMerge::hall() {
    if (!newest_) return std::nullopt;
    Json& all = (*newest_)["tickets"] = Json::array();
    for (auto& [id, t] : tickets_) all.push_back(std::move(t));
    tickets_.clear();
    return hall_from_snapshot(*newest_);
}

}  // namespace hallq
