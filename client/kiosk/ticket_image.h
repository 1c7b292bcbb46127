// ticket_image.h - a ticket drawn as a picture: the same layout as the thermal printout, 576 dots
// wide (80 mm paper at 203 dpi), with a real QR code (libqrencode). Used for print-to-file (PNG)
// and for printing through the system's printers (CUPS) when there is no thermal printer.
#pragma once
#include <wx/bitmap.h>

#include <string>

#include "printer/escpos.h"

namespace hallq {

// The ticket as a black-on-white bitmap, 576 pixels wide. Call on the UI thread.
wxBitmap render_ticket(const TicketPrint& t);

// Writes the ticket as PNG; false with `error` set when it cannot.
bool save_ticket_png(const TicketPrint& t, const std::string& path, std::string* error);

// Prints the ticket on the system's default printer (CUPS) without a dialog; false with `error`.
bool print_ticket_system(const TicketPrint& t, std::string* error);

}  // namespace hallq
