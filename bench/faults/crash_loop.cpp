// crash_loop.cpp - scenario 4: kill -9 of the hallserver, again and again, under kiosk and desk
// load. After each crash the SQLite file must hold every acknowledged ticket with its number and
// no number twice in a day; each restart is timed from exec to the ready line and to the first
// accepted request.
#include <sqlite3.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "fault_bench.h"
#include "hall_load.h"

namespace hallq::bench {
namespace {
using namespace std::chrono;

using DbCheck = test::TicketCheck;

// The tickets the SQLite file holds, read with the server down (before the timed restart).
std::vector<test::HeldTicket> tickets_in_file(const std::string& db) {
    sqlite3* h = nullptr;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(h, "SELECT id, day, number FROM tickets", -1, &st, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        die("cannot read the tickets of " + db);
    }
    std::vector<test::HeldTicket> out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(st, 0), reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                       reinterpret_cast<const char*>(sqlite3_column_text(st, 2))});
    sqlite3_finalize(st);
    sqlite3_close(h);
    return out;
}

DbCheck check_db(const std::string& db, const std::vector<test::Ack>& acks) {
    return test::check_tickets(tickets_in_file(db), acks);
}
}  // namespace

void run_crash_loop(const CrashOptions& opt) {
    Server server;
    server.start();
    test::LoadOptions lo;
    lo.kiosks = 4;
    lo.kiosk_pause = lo.desk_pause = milliseconds(5);
    lo.timeout = milliseconds(300);
    lo.retries = 0;
    test::HallLoad load(server.requests, lo);
    Stats ready, serving;
    DbCheck worst;
    size_t rounds_bad = 0;
    for (int round = 0; round < opt.crashes; ++round) {
        size_t target = load.ack_count() + size_t(opt.acks_per_round);
        auto deadline = steady_clock::now() + seconds(30);
        while (load.ack_count() < target) {
            if (steady_clock::now() > deadline) die("the load stalled after restart " + std::to_string(round));
            std::this_thread::sleep_for(milliseconds(1));
        }
        server.kill9();
        DbCheck c = check_db(server.db, load.acks());
        rounds_bad += c.missing + c.wrong_number + c.duplicates > 0;
        worst.missing = std::max(worst.missing, c.missing);
        worst.wrong_number = std::max(worst.wrong_number, c.wrong_number);
        worst.duplicates = std::max(worst.duplicates, c.duplicates);
        worst.held = c.held;
        int64_t exec_us = test::mono_us();
        ready.ms.push_back(double(server.start()) / 1000.0);
        // Serving: the first reply received after the exec (the old process is gone, so it came
        // from the new one).
        auto served_deadline = steady_clock::now() + seconds(30);
        for (;;) {
            auto acks = load.acks();
            int64_t first = INT64_MAX;
            for (const auto& a : acks)
                if (a.replied_us > exec_us) first = std::min(first, a.replied_us);
            if (first != INT64_MAX) {
                serving.ms.push_back(double(first - exec_us) / 1000.0);
                break;
            }
            if (steady_clock::now() > served_deadline) die("no reply after restart " + std::to_string(round));
            std::this_thread::sleep_for(milliseconds(1));
        }
    }
    load.stop();
    server.kill9();
    DbCheck final = check_db(server.db, load.acks());
    size_t acked = 0;
    for (const auto& a : load.acks()) acked += a.ticket_id >= 0;

    std::cout << "### Crash loop (" << opt.crashes << " × kill -9)\n\n"
              << lo.kiosks << " kiosks issuing tickets and " << lo.desks
              << " desks calling, starting and finishing, each over `RequestClient` with a "
              << lo.timeout.count() << " ms timeout and no retry; the hallserver is killed with SIGKILL after every "
              << opt.acks_per_round << " accepted requests and restarted on the same ports and database.\n\n"
              << "| restart (exec) → | p50 | p99 | max | restarts |\n|---|---|---|---|---|\n"
              << ready.row("ready line") << "\n"
              << serving.row("first accepted request") << "\n\n"
              << "- Goal: p99 ≤ 2 s from restart to serving.\n"
              << "- Acknowledged tickets: " << acked << "; checked in the SQLite file after every crash: "
              << (rounds_bad == 0 && final.missing + final.wrong_number == 0
                      ? "every one present with its number"
                      : std::to_string(std::max(worst.missing, final.missing)) + " missing, " +
                            std::to_string(std::max(worst.wrong_number, final.wrong_number)) + " with another number")
              << "; numbers issued twice in a day: " << std::max(worst.duplicates, final.duplicates) << " (of "
              << final.held << " tickets stored). Requests that failed during the outages: " << load.failures()
              << ".\n\n";
}

}  // namespace hallq::bench
