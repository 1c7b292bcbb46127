// gui_process.h - a virtual X screen (Xvfb) and a desktop app running on it, for GUI tests.
// Xvfb reports its display number when ready (-displayfd); the app's --trace lines are read
// from a pipe, so tests wait for what the app says it has drawn, never for time.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace hallq::test {

class VirtualScreen {
public:
    explicit VirtualScreen(const std::string& geometry = "1920x1080x24");
    ~VirtualScreen();
    // One 1920×1080 screen for the whole test process (apps are placed at 0,0 with --size):
    // starting and stopping X servers back to back races over display numbers.
    static VirtualScreen& shared();
    const std::string& display() const { return display_; }  // ":N"
    // Saves the screen (or its top-left width×height) as PNG into the test artifacts folder.
    std::string screenshot(const std::string& name, int width = 0, int height = 0) const;

private:
    pid_t pid_ = -1;
    int display_fd_ = -1;
    std::string display_;
};

class AppProcess {
public:
    AppProcess(const std::string& binary, const std::vector<std::string>& args, const std::string& display,
               const std::map<std::string, std::string>& env = {});
    ~AppProcess();  // SIGTERM, then SIGKILL if it lingers

    // Waits for a stdout line containing `text` that no earlier wait returned (lines from the
    // app's threads may come in either order); returns it, or empty on timeout, with every line
    // seen so far in `seen()` for the failure message.
    //
    // State lines — what a screen shows now ("view …" from the desk, "screen …" from the kiosk,
    // "window screen …" from a window display) — match only while they are the newest of their
    // kind: a state the app has already left is not its state any more, so a test that acts after
    // waiting for a state acts on the state the app is in, never on an earlier one it printed.
    std::string wait_for(const std::string& text, std::chrono::milliseconds limit = std::chrono::seconds(20));
    const std::vector<std::string>& seen() const { return lines_; }
    std::string stderr_text() const;

private:
    pid_t pid_ = -1;
    int out_ = -1;
    std::string buffer_, err_path_;
    std::vector<std::string> lines_;
    std::vector<bool> used_;  // lines already returned by wait_for
};

// Waits (up to `limit`: generous, CI machines are busy) for the app to print a line containing
// `text`, and returns it; fails the test with everything the app printed if it does not come.
std::string expect_line(AppProcess& app, const std::string& text,
                        std::chrono::seconds limit = std::chrono::seconds(45));

// The folder where screenshots and other test artifacts are kept (build/test-artifacts).
std::string artifacts_dir();

}  // namespace hallq::test
