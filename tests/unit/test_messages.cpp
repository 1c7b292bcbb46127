// test_messages.cpp - the message table: names round-trip through the enums, kinds decide what a
// client may send, and docs/protocol.md describes every message and every event in it.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <type_traits>

#include "core/hall.h"
#include "protocol/access.h"
#include "protocol/commands.h"
#include "protocol/messages.h"

using namespace hallq;

namespace {
std::string read_doc(const std::string& name) {
    std::ifstream in(std::string(HALLQ_DOCS) + "/" + name);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// The body of the section under `heading` (up to the next heading of the same or a higher level).
std::string section(const std::string& doc, const std::string& heading) {
    auto at = doc.find("\n" + heading + "\n");
    if (at == std::string::npos) return "";
    size_t level = heading.find(' ');
    std::string stop = "\n" + heading.substr(0, level) + " ";
    auto end = doc.find(stop, at + heading.size() + 1);
    return doc.substr(at, end == std::string::npos ? std::string::npos : end - at);
}
}  // namespace

static_assert(std::is_same_v<BodyOf<CommandType::call_next>, CallNext>);
static_assert(!std::is_same_v<CallNext, Recall>);  // the same shape, distinct bodies
static_assert(CallNext::type == CommandType::call_next && Rate::type == CommandType::rate);

TEST_CASE("messages: every name is unique and round-trips through its enum") {
    std::set<std::string_view> names;
    for (const MessageInfo& m : message_table()) {
        INFO(m.name);
        CHECK(names.insert(m.name).second);
        CHECK(find_message(m.name) == &m);
        CHECK(message_info(m.type).name == m.name);
        CHECK(m.since >= 1);
        if (m.kind == MessageKind::command || m.kind == MessageKind::internal) {
            CommandType c;
            REQUIRE(parse(std::string(m.name), c));
            CHECK(to_string(c) == m.name);
            CHECK(type_of(empty_command(c)) == c);  // each hall command has its own body
        }
        // Every event a message may cause is a real event.
        std::stringstream events{std::string(m.events)};
        for (std::string e; events >> e;) {
            EventType t;
            CHECK(parse(e, t));
        }
    }
    for (const EventInfo& e : event_table()) {
        EventType t;
        REQUIRE(parse(std::string(e.name), t));
        CHECK(to_string(t) == e.name);
    }
    CHECK(find_message("launch_rocket") == nullptr);
    CHECK(is_query_type("call_order"));
    CHECK_FALSE(is_query_type("call_next"));
}

TEST_CASE("messages: docs/protocol.md describes every message and every event of the table") {
    std::string doc = read_doc("protocol.md");
    REQUIRE_FALSE(doc.empty());
    auto count = [&](const std::string& text) {
        size_t n = 0;
        for (size_t at = doc.find(text); at != std::string::npos; at = doc.find(text, at + 1)) ++n;
        return n;
    };
    for (const MessageInfo& m : message_table()) {
        // Its row in the overview of every message, as the table says it, …
        static const char* const kKind[] = {"hall command", "server only", "request", "query"};
        std::string events;
        std::stringstream list{std::string(m.events)};
        for (std::string e; list >> e;) events += (events.empty() ? "`" : ", `") + e + "`";
        std::string row = "| `" + std::string(m.name) + "` | " + kKind[int(m.kind)] + " | " +
                          (m.verb.empty() ? "—" : "`hallctl " + std::string(m.verb) + "`") + " | " +
                          (events.empty() ? "—" : events) + " | " + std::to_string(m.since) + " |";
        INFO("docs/protocol.md lacks the overview row: " << row);
        CHECK(count(row) == 1);
        // … and its own description: a table row of its section, or a paragraph naming it.
        INFO("docs/protocol.md does not describe `" << m.name << "` outside the overview");
        CHECK(count("`" + std::string(m.name) + "`") >= 2);
    }
    // Each event has a row in the table of its effect on the state.
    std::string effects = section(doc, "### What each event does to the state");
    REQUIRE_FALSE(effects.empty());
    for (const EventInfo& e : event_table()) {
        INFO("the table of event effects lacks `" << e.name << "`");
        CHECK(effects.find("| `" + std::string(e.name) + "`") != std::string::npos);
    }
}

TEST_CASE("messages: every row's access column parses, and docs/security.md's role matrix says the same") {
    std::string doc = read_doc("security.md");
    REQUIRE_FALSE(doc.empty());
    for (const MessageInfo& m : message_table()) {
        const Access& a = access_of(m.type);
        if (m.kind == MessageKind::internal) {
            CHECK(a.roles == 0);  // the server's own: from no device
            continue;
        }
        CHECK(a.allows(Role::admin));  // the admin tool can do everything
        std::string row = "| `" + std::string(m.name) + "` |";
        for (Role r : kRoles) {
            const char* cell = !a.allows(r) ? "—"
                               : a.scope_of(r) == Scope::window  ? "✓ own window"
                               : a.scope_of(r) == Scope::session ? "✓ own session"
                                                                 : "✓";
            row += std::string(" ") + cell + " |";
        }
        INFO("docs/security.md lacks the role matrix row: " << row);
        CHECK(doc.find(row + "\n") != std::string::npos);
    }
    CHECK_THROWS(parse_access("kiosk wizard"));
    CHECK_THROWS(parse_access("desk@somewhere"));
    Access a = parse_access("kiosk desk@session");
    CHECK(a.allows(Role::kiosk));
    CHECK_FALSE(a.allows(Role::display));
    CHECK(a.scope_of(Role::desk) == Scope::session);
}
