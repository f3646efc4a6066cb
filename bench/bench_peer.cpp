// Peer benchmark: the same N chat requests at concurrency C against an independent endpoint
// (bench/peer/openai_endpoint.js, plain Node.js, nothing shared with `distillscope serve`)
// answering after L ms, sent by `distillscope run` and, when installed, by promptfoo. Prints
// both walls, the limit N·L/C measured in the same run (L = the endpoint's real per-request
// time, median of 30 sequential requests), the ratios and each tool's peak RSS, median of
// --repeat runs (the tools alternate, so both see the same machine). Beside each wall it
// prints the CPU seconds per request of the tool's process (user + system, start-up and
// scoring included) and of the endpoint's process in the same run: on a small machine the
// two share the cores, and an endpoint that is busy itself cannot answer after exactly L.
// Figures only: it never passes or fails on time.
//
//   bench_peer [--requests N] [--concurrency C] [--latency-ms L] [--repeat R]
//              [--promptfoo MAIN_JS] [--binary PATH] [--work DIR]
//
// promptfoo is installed (pinned) by bench/peer/install-promptfoo.sh BUILD_DIR, which prints
// the MAIN_JS to pass; without --promptfoo that column is skipped with a message.
#include <fcntl.h>
#include <unistd.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "harness/pipeline/serve_process.hpp"
#include "harness/runner/runner.hpp"

extern char** environ;

using namespace ds::harness;

namespace {

// The model the endpoint serves (its /models lists it, as a real server's does, so
// distillscope's pre-flight check needs no test completion).
const std::string kModel = "peer";

struct Args {
  size_t requests = 2000;
  int concurrency = 64;
  int latency_ms = 50;
  int repeat = 3;
  std::string promptfoo;  // promptfoo's dist/src/main.js; "" = skip promptfoo
  std::string binary = DS_BINARY;
  std::string endpoint_script = DS_PEER_ENDPOINT;
  std::string work = (std::filesystem::temp_directory_path() / "ds-bench-peer").string();
};

[[noreturn]] void usage(const std::string& message) {
  fmt::print(stderr,
             "{}\nusage: bench_peer [--requests N] [--concurrency C] [--latency-ms L] [--repeat R]\n"
             "                  [--promptfoo MAIN_JS] [--binary PATH] [--work DIR]\n",
             message);
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) usage(flag + " needs a value");
    const std::string value = argv[++i];
    if (flag == "--requests" || flag == "-n") a.requests = std::stoul(value);
    else if (flag == "--concurrency" || flag == "-c") a.concurrency = std::stoi(value);
    else if (flag == "--latency-ms" || flag == "-l") a.latency_ms = std::stoi(value);
    else if (flag == "--repeat") a.repeat = std::max(1, std::stoi(value));
    else if (flag == "--promptfoo") a.promptfoo = value;
    else if (flag == "--binary") a.binary = value;
    else if (flag == "--work") a.work = value;
    else usage("unknown flag " + flag);
  }
  return a;
}

struct ChildRun {
  double wall_seconds = 0;
  double cpu_seconds = 0;  // user + system of the tool's process and its children
  double peak_rss_mb = 0;  // ru_maxrss of the tool's process (its largest, not summed)
  int exit_code = -1;
};

// User + system CPU seconds a process has used so far (/proc/PID/stat), 0 when unknown.
double process_cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto after_name = stat.rfind(')');  // the command name may hold spaces
  if (after_name == std::string::npos) return 0;
  std::istringstream fields(stat.substr(after_name + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)  // utime and stime are fields 14 and 15
    if (i >= 14) ticks += std::stod(field);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Runs argv (PATH lookup) with extra environment variables, stdout and stderr to files.
ChildRun run_child(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                   const std::string& out_path, const std::string& err_path) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) envp.push_back(*e);
  for (const auto& e : extra_env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ChildRun run;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return run;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  run.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// The path of `program` on $PATH, "" when absent.
std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string question(size_t i) {
  return fmt::format("Benchmark question {}: what is {} + 7? Answer with the number.", i, i);
}

// The same N prompts in each tool's own input format.
void write_inputs(const Args& a, const std::string& base_url) {
  std::ofstream suite(a.work + "/peer-suite.jsonl");
  std::ofstream tests(a.work + "/promptfoo-tests.jsonl");
  for (size_t i = 0; i < a.requests; ++i) {
    suite << json{{"id", fmt::format("q{:06d}", i)}, {"suite", "peer"}, {"prompt", question(i)}}.dump() << "\n";
    tests << json{{"vars", {{"question", question(i)}}}}.dump() << "\n";
  }
  std::ofstream config(a.work + "/promptfooconfig.yaml");
  config << "# Written by bench_peer: the same requests as distillscope's peer-suite.jsonl.\n"
         << "providers:\n"
         << "  - id: openai:chat:" << kModel << "\n"
         << "    config:\n"
         << "      apiBaseUrl: " << base_url << "\n"
         << "      apiKey: not-a-key\n"
         << "      temperature: 0\n"
         << "      max_tokens: 32\n"
         << "prompts:\n"
         << "  - \"{{question}}\"\n"
         << "tests: file://" << a.work << "/promptfoo-tests.jsonl\n";
}

// The endpoint's own per-request time, one request at a time: the limit is N·L/C with this L.
std::optional<double> measured_latency_ms(const ModelSpec& spec) {
  std::vector<Job> jobs(30);
  for (size_t i = 0; i < jobs.size(); ++i) {
    jobs[i] = {"calibrate" + std::to_string(i), spec, {}};
    jobs[i].request.messages = {{"user", "calibration " + std::to_string(i)}};
    jobs[i].request.params.max_tokens = 32;
  }
  RunnerOptions options;
  options.concurrency = 1;
  options.progress = false;
  std::vector<double> latencies;
  Runner(options).run(std::move(jobs), [&](JobResult&& r) {
    if (r.response.ok()) latencies.push_back(r.response.latency_ms);
  });
  if (latencies.size() < 30) return std::nullopt;
  std::nth_element(latencies.begin(), latencies.begin() + 15, latencies.end());
  return latencies[15];
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

std::string figures(const std::vector<double>& v, const char* unit) {
  std::string all;
  for (double x : v) all += fmt::format("{}{:.2f}", all.empty() ? "" : ", ", x);
  return fmt::format("{:.2f} {} (runs: {})", median(v), unit, all);
}

// How many of distillscope's requests were answered, from its summary line on stderr.
size_t distillscope_answered(const std::string& err_path) {
  static const std::regex re(R"((\d+) answered)");
  std::smatch m;
  const std::string text = read_file(err_path);
  return std::regex_search(text, m, re) ? std::stoul(m[1]) : 0;
}

// How many of promptfoo's test cases got an answer, from its JSON output.
size_t promptfoo_answered(const std::string& out_json) {
  const auto j = json::parse(read_file(out_json), nullptr, false);
  if (!j.is_object() || !j.contains("results")) return 0;
  const auto& stats = j["results"]["stats"];
  return stats.is_object() ? stats.value("successes", size_t{0}) + stats.value("failures", size_t{0}) : 0;
}

struct Series {
  std::vector<double> wall, rss;
  std::vector<double> cpu_ms, endpoint_cpu_ms;  // per request: the tool's, the endpoint's
  std::vector<std::string> problems;
};

// Runs one tool against the endpoint, recording its wall, memory and both processes' CPU.
template <typename Run>
ChildRun measured(Series& series, pid_t endpoint, size_t requests, Run&& run) {
  const double endpoint_before = process_cpu_seconds(endpoint);
  const ChildRun r = run();
  const double endpoint_cpu = process_cpu_seconds(endpoint) - endpoint_before;
  series.wall.push_back(r.wall_seconds);
  series.rss.push_back(r.peak_rss_mb);
  series.cpu_ms.push_back(1000.0 * r.cpu_seconds / static_cast<double>(requests));
  series.endpoint_cpu_ms.push_back(1000.0 * endpoint_cpu / static_cast<double>(requests));
  return r;
}

std::string cpu_figures(const Series& s) {
  return fmt::format("CPU per request: tool {:.3f} ms, endpoint {:.3f} ms (medians)", median(s.cpu_ms),
                     median(s.endpoint_cpu_ms));
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse_args(argc, argv);
  std::filesystem::remove_all(a.work);
  std::filesystem::create_directories(a.work);
  const std::string node = find_on_path("node");
  if (node.empty()) {
    fmt::print("bench_peer: skipped, `node` is not on PATH (install nodejs: tools/install-deps.sh --bench)\n");
    return 0;
  }
  std::unique_ptr<ServeProcess> endpoint;
  try {
    endpoint = std::make_unique<ServeProcess>(ServeProcess::Command{
        {node, a.endpoint_script, "--port", "0", "--latency-ms", std::to_string(a.latency_ms)}});
  } catch (const std::exception& e) {
    fmt::print("bench_peer: skipped, the Node.js endpoint did not start ({}); install nodejs\n", e.what());
    return 0;
  }
  const std::string base_url = endpoint->base_url();
  const auto spec = parse_model_spec("openai:" + kModel + "@" + base_url);
  const auto latency = measured_latency_ms(spec);
  if (!latency) {
    fmt::print("bench_peer: calibration requests to {} failed\n", base_url);
    return 1;
  }
  write_inputs(a, base_url);
  const double limit = static_cast<double>(a.requests) * *latency / 1000.0 / a.concurrency;

  Series ds_runs, pf_runs;
  for (int r = 0; r < a.repeat; ++r) {
    const std::string tag = std::to_string(r);
    const auto d = measured(ds_runs, endpoint->pid(), a.requests, [&] {
      return run_child({a.binary, "run", "--model", "openai:" + kModel + "@" + base_url, "--suite",
                        a.work + "/peer-suite.jsonl", "--db", a.work + "/ds-" + tag + ".db", "--no-cache",
                        "--concurrency", std::to_string(a.concurrency), "--temperature", "0", "--max-tokens",
                        "32"},
                       {}, a.work + "/ds-" + tag + ".out", a.work + "/ds-" + tag + ".err");
    });
    const size_t answered = distillscope_answered(a.work + "/ds-" + tag + ".err");
    if (d.exit_code != 0 || answered != a.requests)
      ds_runs.problems.push_back(fmt::format("run {}: exit {}, {} of {} answered (see {}/ds-{}.err)", r,
                                             d.exit_code, answered, a.requests, a.work, tag));
    if (a.promptfoo.empty()) continue;
    const std::string home = a.work + "/promptfoo-home-" + tag;
    std::filesystem::create_directories(home);
    const auto p = measured(pf_runs, endpoint->pid(), a.requests, [&] {
      return run_child({node, a.promptfoo, "eval", "-c", a.work + "/promptfooconfig.yaml", "-j",
                        std::to_string(a.concurrency), "--no-cache", "--no-progress-bar", "--no-table", "-o",
                        a.work + "/promptfoo-" + tag + ".json"},
                       {"PROMPTFOO_CONFIG_DIR=" + home, "PROMPTFOO_DISABLE_TELEMETRY=1",
                        "PROMPTFOO_DISABLE_UPDATE=1", "PROMPTFOO_DISABLE_SHARING=1"},
                       a.work + "/promptfoo-" + tag + ".out", a.work + "/promptfoo-" + tag + ".err");
    });
    const size_t pf_answered = promptfoo_answered(a.work + "/promptfoo-" + tag + ".json");
    // promptfoo 0.120.0 may exit 1 with "write after end" after writing complete results;
    // the run counts when every test case has its answer.
    if (pf_answered != a.requests)
      pf_runs.problems.push_back(fmt::format("run {}: exit {}, {} of {} answered (see {}/promptfoo-{}.err)", r,
                                             p.exit_code, pf_answered, a.requests, a.work, tag));
  }

  fmt::print("peer benchmark: N={} requests, C={} concurrency, L={} ms, median of {} runs each\n", a.requests,
             a.concurrency, a.latency_ms, a.repeat);
  fmt::print("  endpoint:            node {} (independent Node.js server, separate process)\n",
             a.endpoint_script);
  fmt::print("  measured latency:    {:.2f} ms per request (median of 30 sequential requests)\n", *latency);
  fmt::print("  limit N*L/C:         {:.3f} s\n", limit);
  const double ds_wall = median(ds_runs.wall);
  fmt::print("  distillscope run:    wall {}, ratio {:.3f} (goal <= {:.2f}), peak RSS {}\n",
             figures(ds_runs.wall, "s"), ds_wall / limit, a.concurrency >= 128 ? 1.05 : 1.10,
             figures(ds_runs.rss, "MB"));
  fmt::print("                       {}\n", cpu_figures(ds_runs));
  for (const auto& p : ds_runs.problems) fmt::print("    problem: {}\n", p);
  if (a.promptfoo.empty()) {
    fmt::print("  promptfoo:           skipped (bench/peer/install-promptfoo.sh BUILD_DIR installs 0.120.0 "
               "from npm; pass its output as --promptfoo)\n");
  } else {
    const double pf_wall = median(pf_runs.wall);
    fmt::print("  promptfoo 0.120.0:   wall {}, ratio {:.3f}, peak RSS {}\n", figures(pf_runs.wall, "s"),
               pf_wall / limit, figures(pf_runs.rss, "MB"));
    fmt::print("                       {}\n", cpu_figures(pf_runs));
    for (const auto& p : pf_runs.problems) fmt::print("    problem: {}\n", p);
    fmt::print("  distillscope vs promptfoo: {:.1f}x faster, {:.1f}x less memory (medians)\n",
               pf_wall / ds_wall, median(pf_runs.rss) / median(ds_runs.rss));
  }
  fmt::print("  reproduce:           {} --requests {} --concurrency {} --latency-ms {} --repeat {}{}\n", argv[0],
             a.requests, a.concurrency, a.latency_ms, a.repeat,
             a.promptfoo.empty() ? "" : " --promptfoo " + a.promptfoo);
  return ds_runs.problems.empty() && pf_runs.problems.empty() ? 0 : 1;
}
