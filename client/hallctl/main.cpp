// main.cpp - hallctl: script and inspect the hall from the command line over the hall protocol.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "net/replica.h"
#include "net/request_client.h"
#include "reservations.h"
#include "simulate.h"

namespace {
const char* kUsage = R"(hallctl - 大厅排队叫号命令行工具 / hall queuing command line

Usage: hallctl [--server EP] [--events EP] [--timeout MS] [--retries N] [--rid ID] COMMAND ...
  issue --queue A | --item CODE [--class green] [--reservation ID --slot HH:MM]
        [--id-number N] [--name 姓名]                      取号 take a ticket
  cancel TICKET [--reason TEXT]                             取消 cancel a waiting ticket
  login WINDOW CLERK [--password P] | logout WINDOW        登录/退出 clerk at a window; the password
                                                            from --password, else $HALLQ_PASSWORD,
                                                            else asked for (not echoed)
  passwd CLERK [--password OLD] [--new-password NEW]        修改密码 change a clerk's password
  open | pause | close WINDOW                               开窗/暂停/关窗
  profile WINDOW A,B,C                                      业务范围 work profile
  next WINDOW                                               叫号 call next
  call WINDOW TICKET --reason TEXT                          指定叫号 call a chosen ticket
  recall | start | noshow WINDOW                            重呼/开始办理/过号
  finish WINDOW [--items CODE,CODE] [--outcome handled|materials_missing|referred|not_handled]
  transfer WINDOW (--queue B | --window 5) [--note TEXT]    转移
  park WINDOW [--note TEXT] | resume WINDOW TICKET          挂起/恢复
  rate TICKET LEVEL [--reasons attitude,efficiency] [--comment TEXT] [--window N]
                                                            评价 rate a finished ticket: 5 非常满意,
                                                            4 满意, 3 基本满意, 2 不满意, 1 非常不满意,
                                                            0 未评价; reasons (level 1-3): attitude,
                                                            efficiency, guidance, materials,
                                                            environment, other
  check-in --id-number N [--name 姓名] | --code C [--json]  预约签到 check in for today's reservations
  reservations import FILE                                  导入预约 import reservations (a JSON array,
                                                            or {"reservations": [...]}), 100 a request
  reservations [list] [--date YYYY-MM-DD] [--json]          预约列表 reservations of a day (masked)
  status | snapshot | ping | ticket TICKET | order WINDOW   查询 queries
  tail [--count N] [--calls]                                事件流 events as JSON lines (--calls: readable)
  simulate [--kiosks 3] [--windows 8] [--speed 60] [--duration SECONDS] [--stop-after-calls N]
                      [--leave-window N]
                                                            模拟大厅 simulated kiosks and clerks
  raw TYPE '{json body}'                                    any request
TICKET is a number like A005 or a ticket id. Endpoints also from $HALLQ_SERVER and $HALLQ_EVENTS.
Exit codes: 0 ok, 2 usage, 3 refused by the server (reason printed), 4 server unreachable.
)";

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }
}  // namespace

int main(int argc, char** argv) {
    using namespace hallq;
    using namespace hallq::ctl;
    try {
        Args a = parse_args(argc, argv, {"calls", "help", "pretty", "json"});
        if (a.has("help") || a.words.empty()) {
            std::cout << kUsage;
            return a.words.empty() && !a.has("help") ? 2 : 0;
        }
        std::string server = a.get("server", env_or("HALLQ_SERVER", "tcp://127.0.0.1:5570"));
        std::string events = a.get("events", env_or("HALLQ_EVENTS", "tcp://127.0.0.1:5571"));
        const std::string& verb = a.words[0];
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);

        if (verb == "tail") {
            Replica replica(server, events, "hallctl-tail");
            long count = a.has("count") ? to_int(a.get("count"), "--count") : -1;
            bool calls = a.has("calls");
            replica.on_event = [&](const Event&, const Json& wire) {
                if (count == 0) return;
                std::string line = calls ? describe_event(wire) : wire.dump();
                if (line.empty()) return;
                std::cout << line << std::endl;
                if (count > 0) --count;
            };
            while (!g_stop && count != 0) replica.poll(std::chrono::milliseconds(200));
            return 0;
        }
        if (verb == "simulate") return run_simulation(server, events, a, g_stop);

        RequestClient client(server, "hallctl");
        if (a.has("timeout")) client.set_timeout(std::chrono::milliseconds(to_int(a.get("timeout"), "--timeout")));
        if (a.has("retries")) client.set_retries(to_int(a.get("retries"), "--retries"));
        if (verb == "reservations") return run_reservations(client, a);
        if (verb == "check-in") return run_check_in(client, a);
        Built req = build_request(verb, a);
        auto reply = client.request(req.type, req.body, a.get("rid"));
        if (!reply) {
            std::cerr << "服务器无响应 / hall server unreachable at " << server << "\n";
            return 4;
        }
        if (!reply->ok) {
            std::cerr << "拒绝 " << to_string(reply->error.code) << ": " << reply->message << " / "
                      << message_en(reply->error.code)
                      << (reply->error.detail.empty() ? "" : " (" + reply->error.detail + ")") << "\n";
            return 3;
        }
        bool pretty = a.has("pretty") || isatty(STDOUT_FILENO);
        std::cout << (pretty ? reply->body.dump(2) : reply->body.dump()) << std::endl;
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "hallctl: " << e.what() << "\n\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "hallctl: " << e.what() << "\n";
        return 1;
    }
}
