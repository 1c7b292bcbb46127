// ticket_image.cpp - the ticket drawn with wx: text in the CJK font, the QR code from libqrencode.
#include "ticket_image.h"

#include <qrencode.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/print.h>

#include <memory>

namespace hallq {

namespace {
constexpr int kWidth = 576, kMargin = 24, kQrScale = 6;

wxString u(const std::string& s) { return wxString::FromUTF8(s); }

wxFont font(int px, bool bold = false) {
    wxFont f(wxFontInfo().Family(wxFONTFAMILY_SWISS).Bold(bold));
    f.SetPixelSize(wxSize(0, px));
    return f;
}

// Splits text into lines no wider than the paper.
std::vector<wxString> wrap(wxDC& dc, const wxString& text, int width) {
    std::vector<wxString> lines;
    wxString line;
    for (wxUniChar c : text) {
        wxString next = line + c;
        if (!line.empty() && dc.GetTextExtent(next).x > width) {
            lines.push_back(line);
            line = c;
        } else {
            line = next;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// Draws the ticket at the top of `dc` (white background assumed); returns the height used.
int draw(wxDC& dc, const TicketPrint& t) {
    dc.SetTextForeground(*wxBLACK);
    int y = kMargin;
    auto centred = [&](const wxString& s, const wxFont& f) {
        dc.SetFont(f);
        wxSize e = dc.GetTextExtent(s);
        dc.DrawText(s, (kWidth - e.x) / 2, y);
        y += e.y + 8;
    };
    auto left = [&](const wxString& s, const wxFont& f) {
        dc.SetFont(f);
        for (const wxString& line : wrap(dc, s, kWidth - 2 * kMargin)) {
            dc.DrawText(line, kMargin, y);
            y += dc.GetTextExtent(line).y + 4;
        }
    };
    centred(u(t.hall_name), font(34, true));
    centred(u(t.number), font(120, true));
    left(u("业务：" + t.queue_name), font(26));
    for (const TicketLine& l : ticket_detail_lines(t)) left(u(l.text), font(26));
    y += 8;
    if (!t.lookup.empty()) {
        std::unique_ptr<QRcode, void (*)(QRcode*)> qr(QRcode_encodeString8bit(t.lookup.c_str(), 0, QR_ECLEVEL_M),
                                                      QRcode_free);
        if (qr) {
            y += 3 * kQrScale;  // with the white margins around it, a quiet zone of four modules
            int side = qr->width * kQrScale, x0 = (kWidth - side) / 2;
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(*wxBLACK_BRUSH);
            for (int r = 0; r < qr->width; ++r)
                for (int c = 0; c < qr->width; ++c)
                    if (qr->data[r * qr->width + c] & 1)
                        dc.DrawRectangle(x0 + c * kQrScale, y + r * kQrScale, kQrScale, kQrScale);
            y += side + 4 * kQrScale;
            centred(u("扫码查看排队进度"), font(22));
        }
    }
    if (!t.notice.empty()) centred(u(t.notice), font(24));
    if (!t.footer.empty()) centred(u(t.footer), font(22));
    return y + kMargin;
}

class TicketPrintout : public wxPrintout {
public:
    explicit TicketPrintout(const TicketPrint& t) : wxPrintout(wxString::FromUTF8("号票 " + t.number)), t_(t) {}
    bool OnPrintPage(int) override {
        wxDC* dc = GetDC();
        if (!dc) return false;
        FitThisSizeToPageMargins(wxSize(kWidth, 1400), *GetPageSetupData());
        draw(*dc, t_);
        return true;
    }
    bool HasPage(int page) override { return page == 1; }
    void GetPageInfo(int* min, int* max, int* from, int* to) override { *min = *max = *from = *to = 1; }

private:
    TicketPrint t_;
    wxPageSetupDialogData* GetPageSetupData() {
        static wxPageSetupDialogData data;
        return &data;
    }
};
}  // namespace

wxBitmap render_ticket(const TicketPrint& t) {
    wxBitmap tall(kWidth, 2000, 24);
    int height = 0;
    {
        wxMemoryDC dc(tall);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        height = draw(dc, t);
    }
    return tall.GetSubBitmap(wxRect(0, 0, kWidth, std::min(height, 2000)));
}

bool save_ticket_png(const TicketPrint& t, const std::string& path, std::string* error) {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    if (render_ticket(t).ConvertToImage().SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG)) return true;
    if (error) *error = "cannot write " + path;
    return false;
}

bool print_ticket_system(const TicketPrint& t, std::string* error) {
    wxPrinter printer;
    TicketPrintout out(t);
    if (printer.Print(nullptr, &out, false)) return true;
    if (error)
        *error = wxPrinter::GetLastError() == wxPRINTER_CANCELLED ? "cancelled" : "the system printer is not available";
    return false;
}

}  // namespace hallq
