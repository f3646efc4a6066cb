// Engine benchmark: N requests at concurrency C against a server answering after L ms.
// The ideal wall time is N*L/C; this prints how close the runner gets, with its CPU time
// and peak memory. Prints figures only; it never passes or fails on time.
//
//   bench_engine [--requests N] [--concurrency C] [--latency-ms L] [--in-process]
//                [--model NAME] [--binary PATH]
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "harness/pipeline/serve_process.hpp"
#include "harness/runner/runner.hpp"

namespace {

struct Args {
  size_t requests = 20000;
  int concurrency = 256;
  int latency_ms = 50;
  bool in_process = false;
  std::string model = "sim-teacher";
  std::string binary = DS_BINARY;
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "{} needs a value\n", flag);
        std::exit(2);
      }
      return argv[++i];
    };
    if (flag == "--requests" || flag == "-n") a.requests = std::stoul(value());
    else if (flag == "--concurrency" || flag == "-c") a.concurrency = std::stoi(value());
    else if (flag == "--latency-ms" || flag == "-l") a.latency_ms = std::stoi(value());
    else if (flag == "--in-process") a.in_process = true;
    else if (flag == "--model") a.model = value();
    else if (flag == "--binary") a.binary = value();
    else {
      fmt::print(stderr,
                 "usage: bench_engine [--requests N] [--concurrency C] [--latency-ms L] "
                 "[--in-process] [--model NAME] [--binary PATH]\n");
      std::exit(2);
    }
  }
  return a;
}

// CPU seconds a process has used so far (from /proc), -1 if unknown.
double process_cpu_seconds(pid_t pid) {
  std::ifstream in(fmt::format("/proc/{}/stat", pid));
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// The fallback: an OpenAI-shaped endpoint in this process that sleeps L ms per request.
class InProcessServer {
 public:
  explicit InProcessServer(int latency_ms) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(512); };
    server_.set_keep_alive_max_count(1000000);
    // Headers and body go out in two writes; without NODELAY the body waits for the
    // client's delayed ACK (40 ms).
    server_.set_tcp_nodelay(true);
    server_.set_socket_options([this](int fd) {
      httplib::default_socket_options(fd);
      listen_fd_ = fd;
    });
    server_.Post("/v1/chat/completions", [latency_ms](const httplib::Request&, httplib::Response& r) {
      std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
      r.set_content(
          R"({"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",)"
          R"("content":"42"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1}})",
          "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    // cpp-httplib's listen backlog of 5 drops SYNs of a connection burst; raise it.
    if (listen_fd_ >= 0) ::listen(listen_fd_, 4096);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~InProcessServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

std::vector<ds::harness::Job> make_jobs(const ds::core::ModelSpec& spec, size_t n, const std::string& tag) {
  std::vector<ds::harness::Job> jobs(n);
  for (size_t i = 0; i < n; ++i) {
    jobs[i].key = tag + std::to_string(i);
    jobs[i].endpoint = spec;
    jobs[i].request.messages = {{"user", fmt::format("Benchmark question {} ({}): what is {} + {}?", i, tag, i, 7)}};
    jobs[i].request.params.max_tokens = 32;
  }
  return jobs;
}

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

struct RunFigures {
  ds::harness::RunnerStats stats;
  std::vector<double> latencies_ms;
  double thread_cpu_seconds = 0;
};

// Runs on its own thread so that RUSAGE_THREAD is the runner's CPU alone, whatever else the
// process does (the in-process server).
RunFigures run_jobs(std::vector<ds::harness::Job> jobs, int concurrency) {
  RunFigures figures;
  std::thread worker([&] {
    ds::harness::RunnerOptions options;
    options.concurrency = concurrency;
    options.progress = false;
    options.max_retries = 6;
    ds::harness::Runner runner(options);
    figures.latencies_ms.reserve(jobs.size());
    figures.stats = runner.run(std::move(jobs), [&](ds::harness::JobResult&& r) {
      if (r.response.ok()) figures.latencies_ms.push_back(r.response.latency_ms);
    });
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    figures.thread_cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  });
  worker.join();
  return figures;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  std::unique_ptr<ds::harness::ServeProcess> child;
  std::unique_ptr<InProcessServer> local;
  int port = 0;
  std::string server_kind;
  std::string model = args.model;
  if (!args.in_process) {
    try {
      child = std::make_unique<ds::harness::ServeProcess>(
          args.binary, std::vector<std::string>{"--simulate", "--latency-ms", std::to_string(args.latency_ms)});
      port = child->port();
    } catch (const std::exception&) {
      port = 0;  // fall back to the in-process server below
    }
    server_kind = fmt::format("`{} serve --simulate --latency-ms {}` (separate process)", args.binary,
                              args.latency_ms);
  }
  if (port == 0) {
    if (!args.in_process) fmt::print("note: `distillscope serve` not available; using the in-process server\n");
    child.reset();
    local = std::make_unique<InProcessServer>(args.latency_ms);
    port = local->port();
    server_kind = fmt::format("in-process cpp-httplib server sleeping {} ms (512 threads)", args.latency_ms);
    model = "bench";
  }
  const ds::core::ModelSpec spec =
      ds::core::parse_model_spec(fmt::format("openai:{}@http://127.0.0.1:{}/v1", model, port));

  // The server's real per-request time, measured one request at a time in this run: the
  // limit is N times that over C, not the nominal L.
  const RunFigures calibration = run_jobs(make_jobs(spec, 30, "calibrate-"), 1);
  if (calibration.stats.failed > 0 || calibration.latencies_ms.empty()) {
    fmt::print("calibration failed: {} of 30 requests failed; is the server answering model '{}'?\n",
               calibration.stats.failed, model);
    return 1;
  }
  const double latency_ms = median(calibration.latencies_ms);

  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const double server_cpu_before = child ? process_cpu_seconds(child->pid()) : 0;
  const auto start = std::chrono::steady_clock::now();
  const RunFigures run = run_jobs(make_jobs(spec, args.requests, "q"), args.concurrency);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  getrusage(RUSAGE_SELF, &after);

  const double limit = static_cast<double>(args.requests) * latency_ms / 1000.0 / args.concurrency;
  const double nominal = static_cast<double>(args.requests) * args.latency_ms / 1000.0 / args.concurrency;
  const double process_cpu = seconds(after.ru_utime) + seconds(after.ru_stime) -
                             seconds(before.ru_utime) - seconds(before.ru_stime);
  fmt::print("engine benchmark: N={} requests, C={} concurrency, L={} ms\n", args.requests,
             args.concurrency, args.latency_ms);
  fmt::print("  server:            {}\n", server_kind);
  fmt::print("  answered / failed: {} / {} ({} retries)\n", run.stats.done, run.stats.failed, run.stats.retries);
  fmt::print("  measured latency:  {:.2f} ms per request (median of 30 sequential requests)\n", latency_ms);
  fmt::print("  limit N*L/C:       {:.3f} s (nominal {:.3f} s)\n", limit, nominal);
  fmt::print("  wall time:         {:.3f} s\n", wall);
  fmt::print("  ratio wall/limit:  {:.3f} (goal <= 1.10)\n", wall / limit);
  fmt::print("  requests/s:        {:.0f}\n", static_cast<double>(args.requests) / wall);
  fmt::print("  median latency:    {:.2f} ms under load\n", median(run.latencies_ms));
  fmt::print("  runner CPU:        {:.2f} s (its thread){}\n", run.thread_cpu_seconds,
             local ? fmt::format("; {:.2f} s whole process incl. the in-process server", process_cpu)
                   : fmt::format("; {:.2f} s whole bench process", process_cpu));
  if (child) {
    fmt::print("  server CPU:        {:.2f} s (the serve process, same interval)\n",
               process_cpu_seconds(child->pid()) - server_cpu_before);
  }
  fmt::print("  peak RSS:          {:.1f} MB (ru_maxrss of the bench process{}; goal < 100 MB)\n",
             after.ru_maxrss / 1024.0, local ? ", server included" : "");
  fmt::print("  reproduce:         {} --requests {} --concurrency {} --latency-ms {}{}\n", argv[0],
             args.requests, args.concurrency, args.latency_ms, args.in_process ? " --in-process" : "");
  return run.stats.failed == 0 ? 0 : 1;
}
