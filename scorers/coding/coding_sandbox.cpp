#include "scorers/coding/coding_sandbox.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/json_bounded.hpp"
#include "scorers/coding/python_programs.hpp"
#include "scorers/coding/sandboxed_program.hpp"
#include "scorers/coding/sigpipe_block.hpp"

namespace ds::scorers {

struct CodingSandbox::Program : SandboxedProgram {
  using SandboxedProgram::SandboxedProgram;
};

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kStartTimeout = std::chrono::seconds(30);  // Python start-up on a loaded machine
constexpr auto kGrace = std::chrono::seconds(5);          // for the programs to wind down
constexpr int kAnswerFiles = 64;                          // RLIMIT_NOFILE of an answer
// RLIMIT_NPROC is a per-uid count on the host: room for the other workers' sandboxes. Inside,
// the supervisor caps each answer at limits.max_processes.
constexpr int kOtherSandboxes = 16;

int test_seconds(const SandboxLimits& limits) {
  return std::max(1, std::min(limits.test_seconds, limits.cpu_seconds / 2));
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The pipes of one job: requests (judge → answer), replies (answer → judge), and the job
// itself (us → judge).
struct JobPipes {
  int request[2] = {-1, -1}, reply[2] = {-1, -1}, job[2] = {-1, -1};
  JobPipes() {
    for (int* p : {request, reply, job})
      if (::pipe2(p, O_CLOEXEC) != 0)
        throw SandboxUnavailable(std::string("cannot create pipes: ") + std::strerror(errno));
    ::fcntl(job[1], F_SETFL, ::fcntl(job[1], F_GETFL) | O_NONBLOCK);
  }
  ~JobPipes() { close_all(); }
  void close_all() {
    for (int* fd : {&request[0], &request[1], &reply[0], &reply[1], &job[0], &job[1]}) close_fd(*fd);
  }
  void close_passed() {  // ours after both sandboxes hold their copies
    for (int* fd : {&request[0], &request[1], &reply[0], &reply[1], &job[0]}) close_fd(*fd);
  }
};

}  // namespace

// What one job's conversation with the two programs has produced so far.
struct CodingSandbox::JobState {
  JudgedRun run;
  size_t record_bytes = 0;
  bool judge_done = false, judge_gone = false, finish_sent = false, supervisor_gone = false;
  json end;  // the supervisor's "end" line
};

namespace {

void take_judge_lines(const std::vector<std::string>& lines, size_t max_bytes,
                      CodingSandbox::JobState& state) {
  for (const auto& line : lines) {
    const json record = try_parse_json(line, json_limits::kChildMessage).value;
    if (!record.is_object()) continue;
    if (record.value("stage", "") == "done") {
      state.judge_done = true;
      continue;
    }
    state.record_bytes += line.size();
    if (state.record_bytes > max_bytes) {
      state.run.failure = "the judge's output is over the limit";
      state.judge_gone = true;  // stop here; the judge is replaced
      return;
    }
    state.run.records.push_back(record);
  }
}

void take_supervisor_lines(const std::vector<std::string>& lines, CodingSandbox::JobState& state) {
  for (const auto& line : lines) {
    const json record = try_parse_json(line, json_limits::kChildMessage).value;
    if (record.is_object() && record.value("stage", "") == "end") state.end = record;
  }
}

}  // namespace

CodingSandbox::CodingSandbox(const SandboxLimits& limits) : limits_(limits) {}

CodingSandbox::~CodingSandbox() = default;

void CodingSandbox::start() {
  if (judge_ && !judge_->alive()) judge_.reset();
  if (supervisor_ && !supervisor_->alive()) supervisor_.reset();
  const auto deadline = Clock::now() + kStartTimeout;
  if (!judge_)
    judge_ = std::make_unique<Program>("judge", limits_, judge_program(), 8, deadline);
  if (!supervisor_)
    supervisor_ = std::make_unique<Program>(
        "supervisor", limits_, supervisor_program(),
        kOtherSandboxes * (2 + limits_.max_processes), deadline);
}

void CodingSandbox::send_job(int job_fd, int request[2], int reply[2]) {
  const json answer_limits = {
      {"as", supervisor_->budget().process_bytes}, {"nproc", 1 + limits_.max_processes},
      {"cpu", limits_.cpu_seconds},                {"fsize", limits_.max_file_bytes},
      {"nofile", kAnswerFiles},                    {"core", 0},
      {"test_seconds", test_seconds(limits_)},     {"max_frame", limits_.max_output_bytes}};
  const json judge_header = {{"test_seconds", test_seconds(limits_)},
                             {"max_frame", limits_.max_output_bytes}};
  if (!judge_->send(judge_header.dump(), {job_fd, request[1], reply[0]}) ||
      !supervisor_->send(answer_limits.dump(), {request[0], reply[1]})) {
    judge_.reset();
    supervisor_.reset();
    throw SandboxUnavailable("the coding sandbox stopped before the answer was sent");
  }
}

// Feeds the job to the judge and reads both programs until the judge has finished and the
// supervisor has cleaned up, or time is up. At the wall-clock limit the supervisor is told to
// finish: it kills the answer, and the judge then sees the answer's pipes close.
void CodingSandbox::converse(int& job_fd, const std::string& body, Clock::time_point wall_deadline,
                             JobState& state) {
  size_t written = 0;
  auto give_up = wall_deadline + kGrace;
  auto finish = [&] {
    if (!state.finish_sent) supervisor_->send("finish");
    state.finish_sent = true;
  };
  while (!((state.judge_done || state.judge_gone) && (!state.end.is_null() || state.supervisor_gone))) {
    const auto now = Clock::now();
    if (now >= give_up) {
      if (state.run.failure.empty()) state.run.failure = "the sandbox did not wind down";
      return;
    }
    if (now >= wall_deadline && !state.finish_sent) {
      state.run.timed_out = true;
      finish();
      give_up = now + kGrace;
    }
    std::vector<pollfd> watched = {{judge_->out_fd(), POLLIN, 0}, {judge_->err_fd(), POLLIN, 0},
                                   {supervisor_->out_fd(), POLLIN, 0},
                                   {supervisor_->err_fd(), POLLIN, 0}};
    if (job_fd >= 0) watched.push_back({job_fd, POLLOUT, 0});
    ::poll(watched.data(), watched.size(), 50);
    if (job_fd >= 0) {
      const ssize_t n = ::write(job_fd, body.data() + written, body.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if (written == body.size() || (n < 0 && errno != EAGAIN && errno != EINTR)) close_fd(job_fd);
    }
    judge_->drain_err();
    supervisor_->drain_err();
    std::vector<std::string> lines;
    if (!state.judge_gone && !judge_->read_lines(lines)) state.judge_gone = true;
    take_judge_lines(lines, limits_.max_output_bytes, state);
    lines.clear();
    if (!state.supervisor_gone && !supervisor_->read_lines(lines)) state.supervisor_gone = true;
    take_supervisor_lines(lines, state);
    if (state.judge_done || state.judge_gone) finish();
  }
}

JudgedRun CodingSandbox::run(const std::string& code, const std::string& tests) {
  SigpipeBlock no_sigpipe;
  start();
  const auto started = Clock::now();
  JobPipes pipes;
  send_job(pipes.job[0], pipes.request, pipes.reply);
  pipes.close_passed();
  const std::string body = json{{"code", code}, {"tests", tests}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
  JobState state;
  converse(pipes.job[1], body,
           started + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(limits_.wall_seconds)),
           state);
  JudgedRun& run = state.run;
  // The supervisor ending before its "end" line is a failure of this answer's run (it scores
  // 0 with the reason), whatever the judge reported.
  if (state.supervisor_gone && state.end.is_null() && run.failure.empty())
    run.failure = "the sandbox's supervisor ended during the answer";
  run.done = state.judge_done && run.failure.empty() && !run.timed_out;
  if (!run.done && run.failure.empty())
    run.failure = run.timed_out ? "wall-clock timeout" : "the judge ended early";
  // A program that did not end its part cleanly is replaced before the next answer.
  if (!state.judge_done || !run.failure.empty()) judge_.reset();
  if (!state.end.is_object() || !state.end.value("reusable", false)) supervisor_.reset();
  run.wall_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  if (state.end.is_object() && !state.end.value("started", true))
    throw SandboxUnavailable("the coding sandbox could not start the answer's process");
  return run;
}

}  // namespace ds::scorers
