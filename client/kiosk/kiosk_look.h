// kiosk_look.h - how the kiosk's screens look: colours, fonts in pixels, large buttons, text
// broken to fit, and the panel every screen is built on (its buttons named for the trace).
#pragma once
#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace hallq {

namespace look {
const wxColour kBlue(0x12, 0x5B, 0xB0), kPaper(0xF4, 0xF7, 0xFB), kGreen(0x1E, 0x8E, 0x3E), kRed(0xC6, 0x28, 0x28),
    kAmber(0xB2, 0x6A, 0x00), kInk(0x20, 0x20, 0x20), kDarkBlue(0x0B, 0x3D, 0x75), kFooter(0xE3, 0xEA, 0xF3);

wxFont px_font(int px, bool bold = false);
// Breaks text into lines that fit `width` (between characters for Chinese, between words for
// English; wx's own wrapping breaks only at spaces), at most `max_lines` lines.
wxString fit_lines(wxWindow* w, const wxString& text, const wxFont& font, int width, int max_lines = 3);
// Sets a label's text broken into lines of at most `width` pixels.
void set_wrapped(wxStaticText* l, const wxString& text, int width);
wxStaticText* label(wxWindow* parent, const wxString& text, int px, const wxColour& colour, bool bold = false);
// The size of the kiosk's window, for layouts that follow it (columns, wrapping).
wxSize window_size(wxWindow* w);
// A button of the header or footer: bold `px` type, at least `min` large.
wxButton* button(wxWindow* parent, int px, bool bold, wxSize min, std::function<void()> on_press);
}  // namespace look

// A screen of the kiosk: a panel filling the content area, its controls in `sizer_`, and its
// buttons by the code the trace names them with (tests tap them there).
class ScreenPanel : public wxPanel {
public:
    explicit ScreenPanel(wxWindow* parent);
    const std::vector<std::pair<std::string, wxButton*>>& buttons() const { return buttons_; }

protected:
    // A large button named `code` that fits `columns` to a row, its label broken to fit, at least
    // `min_height` high (and `min_width` wide).
    wxButton* big_button(const std::string& code, const wxString& text, int font_px, const wxColour& colour,
                         int columns, int min_height, std::function<void()> on_press, int min_width = -1);
    bool landscape() const;

    wxBoxSizer* sizer_;
    std::vector<std::pair<std::string, wxButton*>> buttons_;
};

}  // namespace hallq
