// kiosk_look.cpp - fonts, wrapping and large buttons of the kiosk's screens.
#include "kiosk_look.h"

#include <wx/dcclient.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace hallq {

namespace look {

wxFont px_font(int px, bool bold) {
    wxFont f(wxFontInfo().Family(wxFONTFAMILY_SWISS).Bold(bold));
    f.SetPixelSize(wxSize(0, px));
    return f;
}

wxString fit_lines(wxWindow* w, const wxString& all, const wxFont& font, int width, int max_lines) {
    if (all.Find('\n') != wxNOT_FOUND) {  // lines given: fit each
        wxString out;
        size_t start = 0;
        for (size_t end; (end = all.find('\n', start)) != wxString::npos; start = end + 1)
            out += fit_lines(w, all.Mid(start, end - start), font, width, max_lines) + "\n";
        return out + fit_lines(w, all.Mid(start), font, width, max_lines);
    }
    wxString out, line;
    bool words = all.Find(' ') != wxNOT_FOUND;
    wxClientDC dc(w);
    dc.SetFont(font);
    int lines = 1;
    size_t i = 0;
    while (i < all.size()) {
        size_t j = i + 1;
        if (words)
            while (j < all.size() && all[j - 1] != ' ') ++j;
        wxString piece = all.Mid(i, j - i), next = line + piece;
        if (!line.empty() && dc.GetTextExtent(next).x > width && lines < max_lines) {
            out += line.Trim() + "\n";
            ++lines;
            line = piece;
        } else {
            line = next;
        }
        i = j;
    }
    return out + line;
}

void set_wrapped(wxStaticText* l, const wxString& text, int width) {
    l->SetLabel(fit_lines(l, text, l->GetFont(), std::max(width, 100), 6));
}

wxStaticText* label(wxWindow* parent, const wxString& text, int px, const wxColour& colour, bool bold) {
    auto* l = new wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    l->SetFont(px_font(px, bold));
    l->SetForegroundColour(colour);
    return l;
}

wxSize window_size(wxWindow* w) { return wxGetTopLevelParent(w)->GetClientSize(); }

wxButton* button(wxWindow* parent, int px, bool bold, wxSize min, std::function<void()> on_press) {
    auto* b = new wxButton(parent, wxID_ANY, "");
    b->SetFont(px_font(px, bold));
    b->SetMinSize(min);
    b->Bind(wxEVT_BUTTON, [on_press](wxCommandEvent&) { on_press(); });
    return b;
}

}  // namespace look

ScreenPanel::ScreenPanel(wxWindow* parent) : wxPanel(parent), sizer_(new wxBoxSizer(wxVERTICAL)) {
    SetBackgroundColour(look::kPaper);
    SetSizer(sizer_);
}

bool ScreenPanel::landscape() const {
    wxSize s = look::window_size(const_cast<ScreenPanel*>(this));
    return s.x > s.y;
}

wxButton* ScreenPanel::big_button(const std::string& code, const wxString& text, int font_px, const wxColour& colour,
                                   int columns, int min_height, std::function<void()> on_press, int min_width) {
    int width = (look::window_size(this).x - 48 - 20 * (columns - 1)) / columns - 40;
    wxFont f = look::px_font(font_px, true);
    auto* b = new wxButton(this, wxID_ANY, look::fit_lines(this, text, f, width), wxDefaultPosition, wxDefaultSize,
                           wxBU_EXACTFIT);
    b->SetFont(f);
    b->SetForegroundColour(colour);
    b->SetMinSize(wxSize(min_width, min_height));
    b->Bind(wxEVT_BUTTON, [on_press](wxCommandEvent&) { on_press(); });
    buttons_.emplace_back(code, b);
    return b;
}

}  // namespace hallq
