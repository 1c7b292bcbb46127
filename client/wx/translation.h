// translation.h - the apps' one translation regime: every user-facing text is written in English
// through _() (or tr(), for texts beyond ASCII) and translated by the app's wx catalog (po/zh_CN.po in its folder, built into
// DOMAIN.mo). Simplified Chinese is the default; the kiosk switches language per visitor.
#pragma once
#include <wx/string.h>
#include <wx/translation.h>

#include <string>

namespace hallq {

// From now on _() says texts in `lang`: "zh" through the catalog `domain` (zh_CN), "en" as written.
// Returns false when the Chinese catalog was not found (texts then stay English).
bool use_language(const std::string& lang, const std::string& domain);

// _() for texts written in UTF-8 ("One moment…"): wx would read a narrow string by the C
// locale, which need not be UTF-8, and lose what is not ASCII.
inline wxString tr(const char* english, const char* context = nullptr) {
    return wxGetTranslation(wxString::FromUTF8(english), wxString(), context ? wxString(context) : wxString());
}

// A line in both languages, Chinese first, for screens every visitor reads at once:
// zh_en("Called") → "已叫号 / Called"; with arguments, both are formatted alike.
inline wxString zh_en(const char* english) { return tr(english) + " / " + wxString::FromUTF8(english); }
// The same, with the Chinese of `context` (msgctxt) where one English line has two Chinese ones.
inline wxString zh_en_in(const char* context, const char* english) {
    return tr(english, context) + " / " + wxString::FromUTF8(english);
}
template <typename... Args>
wxString zh_en(const char* english, Args... args) {
    return wxString::Format(tr(english), args...) + " / " + wxString::Format(wxString::FromUTF8(english), args...);
}

}  // namespace hallq
