#pragma once
// Test support: a page rendered by headless Chromium (Debian's `chromium`) with the network
// shut (every host resolves nowhere, the proxy is a closed port), its DOM after the scripts
// ran, its console messages and the network requests it attempted, read from Chromium's logs.
#include <string>
#include <vector>

namespace ds::test {

// The Chromium binary, or "" when it is not installed.
std::string chromium_binary();

struct RenderedPage {
  bool ok = false;                    // Chromium ran and exited within the deadline
  std::string dom;                    // --dump-dom after scripts and timers (virtual time)
  std::vector<std::string> console;   // console messages and uncaught errors of the page
  std::vector<std::string> requests;  // non-file URLs the page asked for
  std::string log;                    // Chromium's stderr, for failure messages
};

// Renders file `html_path`; `work_dir` holds the profile and logs.
RenderedPage render_page(const std::string& html_path, const std::string& work_dir);

// Writes a PNG screenshot of the page's first `height` pixels; returns whether it exists.
bool screenshot_page(const std::string& html_path, const std::string& png_path, const std::string& work_dir,
                     int width = 1400, int height = 1800);

// `xmllint --noout [--schema XSD] FILE`: "" when valid, else xmllint's messages. Throws when
// xmllint is missing (install libxml2-utils).
std::string xmllint_errors(const std::string& file, const std::string& xsd = "");
bool have_xmllint();

// tests/fixtures/NAME in the source tree.
std::string fixture_path(const std::string& name);

}  // namespace ds::test
