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

struct RenderOptions {
  std::string fragment;  // "#..." appended to the file URL, as a link into the page would
  std::string screenshot;  // a PNG of the page's first 1400 x 1800 pixels, written here when given
  std::string window_size;  // "WIDTH,HEIGHT" of the window (default Chromium's; 1400,1800 with a screenshot)
};

// Renders file `html_path` in one Chromium run; `work_dir` holds the profile and logs.
RenderedPage render_page(const std::string& html_path, const std::string& work_dir, const RenderOptions& options = {});

// `xmllint --noout [--schema XSD] FILE`: "" when valid, else xmllint's messages. Throws when
// xmllint is missing (install libxml2-utils).
std::string xmllint_errors(const std::string& file, const std::string& xsd = "");
bool have_xmllint();

}  // namespace ds::test
