#include "tests/support/browser.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/json.hpp"
#include "core/subprocess.hpp"

namespace ds::test {

namespace {

using namespace ds::core;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string find_on_path(const std::vector<std::string>& names) {
  for (const auto& dir : {"/usr/bin", "/usr/local/bin", "/bin"})
    for (const auto& name : names) {
      const std::string p = std::string(dir) + "/" + name;
      if (access(p.c_str(), X_OK) == 0) return p;
    }
  return "";
}

// Runs argv (core's spawn_process) with stdout and stderr to files; stops it after `seconds`.
int run_with_deadline(const std::vector<std::string>& args, const std::string& out_path,
                      const std::string& err_path, int seconds) {
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const pid_t pid = spawn_process(args, {.in = -1, .out = out, .err = err});
  close(out);
  close(err);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      stop_process(pid, std::chrono::milliseconds(500));
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> chromium_args(const std::string& work_dir) {
  return {chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + work_dir + "/profile",
          // No network: names resolve nowhere and the proxy is a port nothing listens on.
          "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"};
}

// Requests the page itself made: Chromium's own background requests carry no file:// key.
std::vector<std::string> page_requests(const std::string& netlog_path) {
  std::vector<std::string> out;
  std::string text = slurp(netlog_path);
  json log = json::parse(text, nullptr, false);
  if (log.is_discarded()) log = json::parse(text + "]}", nullptr, false);  // cut off at exit
  if (!log.is_object() || !log.contains("events")) return {"(net log unreadable: " + netlog_path + ")"};
  int start_job = -1;
  for (const auto& [name, id] : log["constants"]["logEventTypes"].items())
    if (name == "URL_REQUEST_START_JOB") start_job = id.get<int>();
  for (const auto& e : log["events"]) {
    if (e.value("type", -2) != start_job || !e.contains("params")) continue;
    const json& p = e["params"];
    const std::string url = p.value("url", ""), key = p.value("network_isolation_key", "");
    if (url.rfind("file:", 0) == 0 || url.rfind("data:", 0) == 0) continue;
    if (key.find("file://") != std::string::npos) out.push_back(url);
  }
  return out;
}

}  // namespace

std::string chromium_binary() {
  static const std::string path = find_on_path({"chromium", "chromium-browser"});
  return path;
}

RenderedPage render_page(const std::string& html_path, const std::string& work_dir, const RenderOptions& options) {
  RenderedPage page;
  std::filesystem::create_directories(work_dir);
  auto args = chromium_args(work_dir);
  const std::string netlog = work_dir + "/net.json";
  for (const std::string a : {"--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom"})
    args.push_back(a);
  args.push_back("--log-net-log=" + netlog);
  if (!options.screenshot.empty()) {
    std::filesystem::remove(options.screenshot);
    if (options.window_size.empty()) args.push_back("--window-size=1400,1800");
    args.push_back("--screenshot=" + std::filesystem::absolute(options.screenshot).string());
  }
  if (!options.window_size.empty()) args.push_back("--window-size=" + options.window_size);
  args.push_back("file://" + std::filesystem::absolute(html_path).string() + options.fragment);
  const int code = run_with_deadline(args, work_dir + "/dom.html", work_dir + "/chromium.log", 120);
  page.ok = code == 0;
  page.dom = slurp(work_dir + "/dom.html");
  page.log = slurp(work_dir + "/chromium.log");
  std::istringstream lines(page.log);
  for (std::string line; std::getline(lines, line);)
    if (line.find(":CONSOLE") != std::string::npos) page.console.push_back(line);
  page.requests = page_requests(netlog);
  return page;
}

bool have_xmllint() { return !find_on_path({"xmllint"}).empty(); }

std::string xmllint_errors(const std::string& file, const std::string& xsd) {
  const std::string xmllint = find_on_path({"xmllint"});
  if (xmllint.empty()) throw std::runtime_error("xmllint not found: apt-get install libxml2-utils");
  std::vector<std::string> args = {xmllint, "--noout"};
  if (!xsd.empty()) {
    args.push_back("--schema");
    args.push_back(xsd);
  }
  args.push_back(file);
  const std::string err = file + ".xmllint";
  const int code = run_with_deadline(args, err + ".out", err, 60);
  return code == 0 ? "" : "xmllint exit " + std::to_string(code) + ": " + slurp(err);
}

}  // namespace ds::test
