// app.cpp - hall-kiosk: the self-service ticket machine. Keeps a replica of the hall for its
// catalogue, takes tickets by touch, checks reservations in by ID card or QR code, and prints.
#include <wx/app.h>

#include <iostream>
#include <memory>

#include "app_main.h"
#include "card_watcher.h"
#include "core/idnumber.h"
#include "hall_feed.h"
#include "idcard/idcard_simulator.h"
#include "kiosk_frame.h"
#include "kiosk_options.h"
#include "print_queue.h"
#include "trace.h"

namespace hallq {

KioskOptions g_options;  // parsed in app_main, before the toolkit starts

class KioskApp : public wxApp {
public:
    bool OnInit() override;
    int OnExit() override;
    int FilterEvent(wxEvent& e) override;

private:
    void shut_down();

    KioskOptions opt_;
    std::unique_ptr<HallFeed> feed_;
    std::unique_ptr<PrintQueue> printer_;
    std::unique_ptr<CardWatcher> reader_;
    std::unique_ptr<idcard::IdCardSimulator> demo_reader_;
    size_t demo_next_ = 0;
    KioskFrame* frame_ = nullptr;
    const Catalogue* seen_catalogue_ = nullptr;  // feed thread only
    bool seen_connected_ = false;                // feed thread only
};

bool KioskApp::OnInit() {
    opt_ = g_options;
    trace_enabled() = opt_.trace;
    SetAppName("hall-kiosk");
    HallFeed::Options fo;
    fo.requests = opt_.server;
    fo.events = opt_.events;
    fo.name = "kiosk";
    feed_ = std::make_unique<HallFeed>(fo);
    printer_ = std::make_unique<PrintQueue>(opt_);
    frame_ = new KioskFrame(opt_, *feed_, *printer_);
    frame_->SetClientSize(opt_.width, opt_.height);
    frame_->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        shut_down();
        frame_->Destroy();
    });
    frame_->Show();
    if (opt_.fullscreen) frame_->ShowFullScreen(true);

    // Only the catalogue and the connection matter here; the feed thread passes them on when
    // they change (a new catalogue is a new object in the replica).
    feed_->on_hall = [this](const Hall& hall, bool connected, const std::vector<Event>&) {
        if (&hall.catalogue() != seen_catalogue_ && !hall.catalogue().queues.empty()) {
            seen_catalogue_ = &hall.catalogue();
            frame_->CallAfter([this, c = hall.catalogue()] { frame_->on_catalogue(c); });
        }
        if (connected != seen_connected_) {
            seen_connected_ = connected;
            frame_->CallAfter([this, connected] { frame_->on_connection(connected); });
        }
    };
    feed_->start();
    std::string reader_path = opt_.reader;
    if (opt_.reader == "demo") {  // a simulated reader and a button to put the demo hall's cards on it
        demo_reader_ = std::make_unique<idcard::IdCardSimulator>();
        reader_path = demo_reader_->slave_path();
        frame_->enable_demo_swipe([this] {
            // The demo hall's people (hallserver --demo): a reservation due now, a senior whose
            // reservation time has passed, a senior without a reservation.
            struct Who {
                const char* name;
                const char* first17;
            };
            static const Who kCards[] = {{"张伟", "61070219850612101"}, {"赵秀英", "61070219500315107"}, {"张三", ""}};
            const Who& w = kCards[demo_next_++ % std::size(kCards)];
            idcard::CardText card = idcard::IdCardSimulator::sample_holder();
            if (*w.first17) {
                card.name = w.name;
                card.id_number = std::string(w.first17) + id_check_char(w.first17);
                card.birth = card.id_number.substr(6, 8);
            }
            demo_reader_->present_card(card);
            return mask_name(card.name) + " " + mask_id_tail(card.id_number);
        });
    }
    if (!reader_path.empty()) {
        reader_ = std::make_unique<CardWatcher>(
            idcard::SerialConfig{reader_path, opt_.reader_baud},
            [this](const idcard::CardText& card) { frame_->CallAfter([this, card] { frame_->on_card(card); }); },
            [this](idcard::ReadError e, const std::string& why) {
                if (e == idcard::ReadError::device_error)
                    std::cerr << "hall-kiosk: 读卡器不可用 / ID-card reader unavailable: " << why << "\n";
                frame_->CallAfter([this, e] { frame_->on_card_error(e); });
            });
    }
    trace("kiosk ready");
    return true;
}

// The threads that call into the frame stop before it goes: events they queued go with it.
void KioskApp::shut_down() {
    reader_.reset();
    demo_reader_.reset();
    feed_.reset();
    printer_.reset();
}

int KioskApp::FilterEvent(wxEvent& e) {
    wxEventType t = e.GetEventType();
    if (frame_ && (t == wxEVT_LEFT_DOWN || t == wxEVT_KEY_DOWN)) frame_->touched();
    return Event_Skip;
}

int KioskApp::OnExit() {
    shut_down();
    return wxApp::OnExit();
}

const WxAppSpec& wx_app_spec() { return wx_app<KioskApp>("hall-kiosk", kKioskUsage, parse_kiosk_options, g_options); }

}  // namespace hallq
