#include "scorers/coding/bwrap_command.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>

#include "core/subprocess.hpp"

namespace ds::scorers {

namespace fs = std::filesystem;

namespace {

constexpr const char* kNobody = "65534";

// stdout of `bwrap --help` ("" when it cannot run).
std::string help_text(const std::string& bwrap) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return "";
  pid_t pid = -1;
  try {
    pid = core::spawn_process({bwrap, "--help"}, {.out = fds[1]});
  } catch (const std::runtime_error&) {
  }
  ::close(fds[1]);
  std::string text;
  char buf[4096];
  ssize_t n;
  while (pid > 0 && (n = ::read(fds[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  if (pid > 0) core::wait_process(pid);
  return text;
}

// /lib, /lib64, /bin, /sbin are symlinks into /usr on merged-/usr systems, directories on
// older ones; mirror whichever the host has.
void add_system_dirs(std::vector<std::string>& args) {
  args.insert(args.end(), {"--ro-bind", "/usr", "/usr"});
  for (const char* dir : {"/lib", "/lib64", "/bin", "/sbin"}) {
    std::error_code ec;
    const auto status = fs::symlink_status(dir, ec);
    if (ec || !fs::exists(status)) continue;
    if (fs::is_symlink(status)) {
      args.insert(args.end(), {"--symlink", fs::read_symlink(dir).string(), dir});
    } else {
      args.insert(args.end(), {"--ro-bind", dir, dir});
    }
  }
}

}  // namespace

bool bwrap_supports(const std::string& bwrap, const std::string& flag) {
  static std::mutex mutex;
  static std::map<std::string, std::string> help_by_binary;
  std::lock_guard lock(mutex);
  auto it = help_by_binary.find(bwrap);
  if (it == help_by_binary.end()) it = help_by_binary.emplace(bwrap, help_text(bwrap)).first;
  return it->second.find("    " + flag + " ") != std::string::npos;
}

std::vector<std::string> bwrap_arguments(const std::string& bwrap, const SandboxBudget& budget,
                                         const BwrapLayout& layout,
                                         const std::vector<std::string>& command) {
  std::vector<std::string> args = {bwrap, "--unshare-all"};
  if (bwrap_supports(bwrap, "--disable-userns"))
    args.insert(args.end(), {"--unshare-user", "--disable-userns"});
  args.insert(args.end(), {"--die-with-parent", "--new-session", "--cap-drop", "ALL", "--uid",
                           kNobody, "--gid", kNobody, "--hostname", "sandbox"});
  if (layout.as_pid_1) args.push_back("--as-pid-1");
  add_system_dirs(args);
  // Order matters: the tmpfs are mounted before / and /dev become read-only (a remount is
  // not recursive, so they stay writable).
  args.insert(args.end(), {"--proc", "/proc", "--dev", "/dev",
                           "--size", std::to_string(budget.shm_bytes), "--tmpfs", "/dev/shm",
                           "--size", std::to_string(budget.tmp_bytes), "--tmpfs", "/tmp",
                           "--remount-ro", "/dev", "--remount-ro", "/", "--chdir", "/tmp",
                           "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME",
                           "/tmp", "--setenv", "LANG", "C.UTF-8"});
  for (const auto& [name, value] : layout.env) args.insert(args.end(), {"--setenv", name, value});
  args.insert(args.end(), {"--seccomp", std::to_string(layout.seccomp_fd), "--"});
  args.insert(args.end(), command.begin(), command.end());
  return args;
}

}  // namespace ds::scorers
