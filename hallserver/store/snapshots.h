// snapshots.h - delta snapshots, for every store engine: which tickets changed since the last
// stored snapshot, and how the stored ones merge back into one state on load.
//
// A snapshot row is the codec's snapshot JSON; a delta one ("delta": true) holds only the tickets
// changed since the snapshot before it. The first snapshot of a day and of a process is whole.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "core/hall.h"
#include "protocol/json.h"

namespace hallq {

class SnapshotDeltas {
public:
    // Notes the tickets a unit of work changed (call inside its transaction, before snapshot()).
    void note(std::span<const Event> events);
    // The snapshot row of `after`: whole, or the changed tickets only. Starts a new delta.
    std::string snapshot(const Hall& after);
    // A write was rolled back: what it noted is unknown, so the next snapshot is whole.
    void lost() { all_changed_ = true; }

private:
    std::set<int64_t> changed_;
    bool all_changed_ = true;  // not known (a new process, a day begun, a write rolled back)
};

// Reads stored snapshots newest first back to the newest whole one.
class SnapshotMerge {
public:
    // Takes the next older snapshot row; false once a whole one has been read (stop reading).
    // Throws on a row that is not a snapshot.
    bool add(const std::string& row);
    // The newest snapshot with the tickets of all rows read; nothing when none was read.
    std::optional<Hall> hall();

private:
    std::optional<Json> newest_;
    std::map<int64_t, Json> tickets_;  // newest version of each ticket
};

}  // namespace hallq
