// print_queue.h - where the kiosk's tickets are printed: a thermal printer (ESC/POS on a serial or
// USB device file, written on a worker thread so a slow or dead printer never freezes the screen),
// the system's printers (CUPS, through wx), and/or files (<number>.escpos and <number>.png).
//
// The ticket is already issued when it is printed: a failed print loses nothing; the screen shows
// the number with the printer's problem in plain words.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk_model.h"
#include "kiosk_options.h"
#include "printer/escpos.h"

namespace hallq {

class PrintQueue {
public:
    explicit PrintQueue(const KioskOptions& opt);
    ~PrintQueue();  // finishes the ticket being printed, drops the rest, joins

    bool has_printer() const { return !opt_.printer.empty() || !opt_.print_dir.empty(); }
    // Prints one ticket; `done` gets the result on the calling thread (files, system printer) or
    // on the printer's worker thread (thermal printer): the caller brings it to the UI thread.
    void print(const TicketPrint& t, std::function<void(const PrintResult&)> done);

private:
    void run();
    PrintResult print_files(const TicketPrint& t);

    KioskOptions opt_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::deque<std::pair<TicketPrint, std::function<void(const PrintResult&)>>> jobs_;
    std::thread worker_;
};

}  // namespace hallq
