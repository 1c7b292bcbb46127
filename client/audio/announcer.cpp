// announcer.cpp - the announcement queue and its worker: compose, render, play one at a time.
#include "announcer.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "audio_output.h"
#include "voice_pack.h"
#include "clip_file.h"

namespace hallq {

struct Announcer::Impl {
    struct Pending {
        std::string ticket;
        int window = 0;
        std::chrono::steady_clock::time_point queued;
    };

    Announcer& owner;
    AnnouncerConfig cfg;
    VoicePack pack;
    AnnouncementStyle style;
    bool chime_only = false;  // the pack or template is broken: every call is the chime alone
    std::string startup_error;
    std::unique_ptr<AudioOutput> out;  // null in silent mode or without a device

    std::mutex m;
    std::condition_variable wake, idle;
    std::deque<Pending> queue;
    bool busy = false, stopping = false;
    std::thread worker;

    Impl(Announcer& o, AnnouncerConfig c) : owner(o), cfg(std::move(c)) {}

    void start();
    void run();
    std::vector<int16_t> render(const Pending& p) const;
};

namespace {

// `wanted` with every field left at its default replaced by the pack's.
AnnouncementStyle merge_style(const AnnouncementStyle& wanted, const AnnouncementStyle& pack) {
    const AnnouncementStyle defaults;
    AnnouncementStyle s = wanted;
    s.language = pack.language;
    if (wanted.tmpl == defaults.tmpl) s.tmpl = pack.tmpl;
    if (wanted.repeat == defaults.repeat) s.repeat = pack.repeat;
    if (wanted.ticket_digits == defaults.ticket_digits) s.ticket_digits = pack.ticket_digits;
    return s;
}

std::string join(const std::vector<std::string>& items, size_t most) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < most; ++i) out += (i ? "; " : "") + items[i];
    if (items.size() > most) out += "; and " + std::to_string(items.size() - most) + " more";
    return out;
}

}  // namespace

void Announcer::Impl::start() {
    std::vector<std::string> problems;
    pack = load_voice_pack(cfg.pack_dir, &problems);
    style = merge_style(cfg.style, pack.style);
    if (problems.empty()) {  // can the pack's words say this template?
        Composition probe = compose_announcement("A001", 1, style, pack.words());
        if (!probe.error.empty()) problems.push_back(cfg.pack_dir + ": " + probe.error);
    }
    if (!problems.empty()) {
        chime_only = true;
        startup_error =
            join(problems, 3) + (pack.clips.count("chime") ? " — announcing with the chime alone"
                                                           : " — announcements are silent");
    }
    if (!cfg.silent) {
        std::string error;
        out = AudioOutput::open(cfg.device, pack.sample_rate, &error);
        if (out && out->sample_rate() != pack.sample_rate) {  // the device plays only its own rate
            for (auto& [word, samples] : pack.clips)
                samples = resample(samples, pack.sample_rate, out->sample_rate());
            pack.sample_rate = out->sample_rate();
        }
        if (!out)
            startup_error +=
                (startup_error.empty() ? "" : "; ") + error + " — calls are shown, not spoken";
    }
    worker = std::thread([this] { run(); });
}

std::vector<int16_t> Announcer::Impl::render(const Pending& p) const {
    if (chime_only) return pack.chime();
    Composition c = compose_announcement(p.ticket, p.window, style, pack.words());
    return c.error.empty() ? pack.render(c) : pack.chime();
}

void Announcer::Impl::run() {
    for (;;) {
        Pending p;
        {
            std::unique_lock<std::mutex> lock(m);
            wake.wait(lock, [&] { return stopping || !queue.empty(); });
            if (stopping) break;
            p = std::move(queue.front());
            queue.pop_front();
            busy = true;
        }
        if (out) {
            std::vector<int16_t> samples = render(p);
            std::string error;
            out->play(
                samples,
                [&](std::chrono::steady_clock::time_point first) {
                    if (owner.on_first_sample)
                        owner.on_first_sample({p.ticket, p.window, p.queued, first});
                },
                &error);
        }
        std::lock_guard<std::mutex> lock(m);
        busy = false;
        if (queue.empty()) idle.notify_all();
    }
    std::lock_guard<std::mutex> lock(m);
    busy = false;
    idle.notify_all();
}

Announcer::Announcer(AnnouncerConfig cfg) : impl_(std::make_unique<Impl>(*this, std::move(cfg))) {
    impl_->start();
}

Announcer::~Announcer() {
    {
        std::lock_guard<std::mutex> lock(impl_->m);
        impl_->stopping = true;
        impl_->queue.clear();
    }
    impl_->wake.notify_all();
    if (impl_->out) impl_->out->abort();
    impl_->worker.join();
}

const std::string& Announcer::startup_error() const { return impl_->startup_error; }

bool Announcer::in_zone(int window) const {
    return impl_->cfg.zone.empty() || impl_->cfg.zone.count(window) > 0;
}

bool Announcer::announce(const std::string& ticket, int window) {
    if (!in_zone(window)) return false;
    Impl& d = *impl_;
    {
        std::lock_guard<std::mutex> lock(d.m);
        if (d.queue.size() >=
            std::max<size_t>(1, d.cfg.max_queue)) {  // drop this window's oldest, else the oldest
            auto same = std::find_if(d.queue.begin(), d.queue.end(),
                                     [&](const Impl::Pending& p) { return p.window == window; });
            d.queue.erase(same != d.queue.end() ? same : d.queue.begin());
        }
        d.queue.push_back({ticket, window, std::chrono::steady_clock::now()});
    }
    d.wake.notify_one();
    return true;
}

bool Announcer::drain(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(impl_->m);
    return impl_->idle.wait_for(lock, timeout,
                                [&] { return impl_->queue.empty() && !impl_->busy; });
}

}  // namespace hallq
