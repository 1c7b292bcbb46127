// print_queue.cpp - files and the system printer on the UI thread, the thermal printer on a worker.
#include "print_queue.h"

#include <filesystem>

#include "printer/ticket_printer.h"
#include "ticket_image.h"

namespace hallq {

PrintQueue::PrintQueue(const KioskOptions& opt) : opt_(opt) {
    if (!opt_.printer.empty() && opt_.printer != "cups") worker_ = std::thread([this] { run(); });
}

PrintQueue::~PrintQueue() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
        jobs_.clear();
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
}

PrintResult PrintQueue::print_files(const TicketPrint& t) {
    PrintResult r;
    if (opt_.print_dir.empty()) return r;
    std::error_code ec;
    std::filesystem::create_directories(opt_.print_dir, ec);
    std::string base = (std::filesystem::path(opt_.print_dir) / t.number).string();
    std::string why;
    try {
        FilePrinter(base + ".escpos").print(t);
    } catch (const PrinterError& e) {
        why = e.what();
    }
    if (why.empty() && !save_ticket_png(t, base + ".png", &why) && why.empty()) why = "png";
    if (!why.empty()) return {false, false, "device-error", "号票文件无法写入", "The ticket file could not be written", base};
    r.printed = true;
    r.where = base + ".png";
    return r;
}

void PrintQueue::print(const TicketPrint& t, std::function<void(const PrintResult&)> done) {
    PrintResult files = print_files(t);
    if (opt_.printer.empty()) {
        done(files);
        return;
    }
    if (opt_.printer == "cups") {
        std::string why;
        if (print_ticket_system(t, &why)) {
            done({true, true, "", "", "", "cups"});
        } else {
            done({false, files.printed, "system", "打印机不可用", "The printer is not available", "cups: " + why});
        }
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mu_);
        jobs_.emplace_back(t, std::move(done));
    }
    cv_.notify_all();
}

void PrintQueue::run() {
    DevicePrinterConfig cfg;
    cfg.path = opt_.printer;
    for (;;) {
        std::pair<TicketPrint, std::function<void(const PrintResult&)>> job;
        {
            std::unique_lock<std::mutex> lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
            if (stop_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        PrintResult r{true, true, "", "", "", opt_.printer};
        try {
            DevicePrinter(cfg).print(job.first);
        } catch (const PrinterError& e) {
            r = {false, false, fault_name(e.fault()), e.message_zh(), e.message_en(), opt_.printer};
        }
        job.second(r);
    }
}

}  // namespace hallq
