#include "scorers/coding/python_check.hpp"

#include "scorers/coding/sandbox_python.hpp"

#include "scorers/coding/sandbox.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace fs = std::filesystem;

namespace {

std::string make_private_dir() {
  std::string pattern = (fs::temp_directory_path() / "ds-pycheck-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory");
  return pattern;
}

[[noreturn]] void exec_child(const std::string& dir, const std::string& python, int timeout_seconds) {
  setpgid(0, 0);
  const rlim_t cpu = static_cast<rlim_t>(timeout_seconds) + 1;
  rlimit cpu_limit{cpu, cpu};
  setrlimit(RLIMIT_CPU, &cpu_limit);
  rlimit memory_limit{rlim_t{1} << 30, rlim_t{1} << 30};
  setrlimit(RLIMIT_AS, &memory_limit);
  const int out = open((dir + "/output.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int in = open("/dev/null", O_RDONLY);
  if (out < 0 || in < 0 || chdir(dir.c_str()) != 0) _exit(126);
  dup2(in, 0);
  dup2(out, 1);
  dup2(out, 2);
  execl(python.c_str(), python.c_str(), "-I", "program.py", static_cast<char*>(nullptr));
  _exit(127);
}

std::optional<PythonRun> run_in_sandbox(const std::string& program, const std::string& python,
                                        int timeout_seconds) {
  SandboxLimits limits;
  limits.cpu_seconds = timeout_seconds + 1;
  limits.wall_seconds = timeout_seconds;
  try {
    const SandboxResult r = run_sandboxed({python, "-I", "-"}, program, limits);
    PythonRun run;
    run.sandboxed = true;
    run.timed_out = r.timed_out;
    run.exit_code = r.exit_code;
    run.passed = !r.timed_out && r.exit_code == 0;
    run.output = r.out + r.err;
    return run;
  } catch (const SandboxUnavailable&) {
    return std::nullopt;
  }
}

PythonRun run_in_subprocess(const std::string& program, const std::string& python, int timeout_seconds);

}  // namespace

PythonRun run_python_program(const std::string& program, const std::string& python, int timeout_seconds) {
  // Probing bwrap once per process keeps a missing sandbox from costing a failed spawn per item.
  static const bool sandbox_usable = find_bwrap().has_value();
  if (sandbox_usable) {
    if (auto run = run_in_sandbox(program, python, timeout_seconds)) return *run;
  }
  return run_in_subprocess(program, python, timeout_seconds);
}

namespace {

PythonRun run_in_subprocess(const std::string& program, const std::string& python,
                             int timeout_seconds) {
  const std::string dir = make_private_dir();
  {
    std::ofstream(dir + "/program.py") << program;
  }
  PythonRun run;
  const pid_t pid = fork();
  if (pid < 0) {
    fs::remove_all(dir);
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) exec_child(dir, python, timeout_seconds);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      run.timed_out = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.passed = !run.timed_out && WIFEXITED(status) && run.exit_code == 0;
  std::ifstream in(dir + "/output.txt");
  std::stringstream text;
  text << in.rdbuf();
  run.output = text.str();
  if (run.exit_code == 127) run.output += "\ncannot execute " + python;
  fs::remove_all(dir);
  return run;
}

}  // namespace

SolutionRunner sandboxed_solution_runner(const std::string& python) {
  return [python](const std::string& program, int timeout_seconds) {
    const PythonRun run =
        run_python_program(program, python.empty() ? sandbox_python() : python, timeout_seconds);
    return SolutionRun{run.passed, run.timed_out, run.sandboxed, run.output};
  };
}

}  // namespace ds::scorers
