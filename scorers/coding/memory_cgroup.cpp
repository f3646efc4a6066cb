#include "scorers/coding/memory_cgroup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace ds::scorers {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_text(const std::string& path, const std::string& value) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::write(fd, value.data(), value.size()) == static_cast<ssize_t>(value.size());
  ::close(fd);
  return ok;
}

}  // namespace

std::optional<std::string> cgroup2_directory(const std::string& proc_self_cgroup,
                                             const std::string& mountinfo) {
  std::optional<std::string> relative;
  std::istringstream cgroups(proc_self_cgroup);
  std::string line;
  while (std::getline(cgroups, line))
    if (line.rfind("0::", 0) == 0) relative = line.substr(3);
  if (!relative) return std::nullopt;
  // mountinfo: id parent major:minor root mount-point options... - fstype source options
  std::istringstream mounts(mountinfo);
  while (std::getline(mounts, line)) {
    const auto dash = line.find(" - ");
    if (dash == std::string::npos || line.compare(dash + 3, 8, "cgroup2 ") != 0) continue;
    std::istringstream fields(line.substr(0, dash));
    std::string id, parent, device, root, mount_point;
    if (!(fields >> id >> parent >> device >> root >> mount_point)) continue;
    std::string rest = *relative;
    if (root != "/" && rest.rfind(root, 0) == 0) rest = rest.substr(root.size());
    if (rest == "/") rest.clear();
    return mount_point + rest;
  }
  return std::nullopt;
}

bool controller_enabled(const std::string& subtree_control, const std::string& controller) {
  std::istringstream words(subtree_control);
  std::string word;
  while (words >> word)
    if (word == controller) return true;
  return false;
}

std::unique_ptr<MemoryCgroup> MemoryCgroup::create(size_t memory_bytes, int max_pids) {
  const auto parent = cgroup2_directory(read_text("/proc/self/cgroup"),
                                        read_text("/proc/self/mountinfo"));
  if (!parent || ::access(parent->c_str(), W_OK) != 0) return nullptr;
  const std::string controls = read_text(*parent + "/cgroup.subtree_control");
  if (!controller_enabled(controls, "memory")) return nullptr;
  static std::atomic<unsigned> counter{0};
  const std::string path = *parent + "/distillscope-sandbox-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
  if (::mkdir(path.c_str(), 0755) != 0) return nullptr;
  const bool capped = write_text(path + "/memory.max", std::to_string(memory_bytes));
  write_text(path + "/memory.swap.max", "0");  // absent without swap accounting
  if (controller_enabled(controls, "pids")) write_text(path + "/pids.max", std::to_string(max_pids));
  const int procs = ::open((path + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC);
  if (!capped || procs < 0) {
    if (procs >= 0) ::close(procs);
    ::rmdir(path.c_str());
    return nullptr;
  }
  return std::unique_ptr<MemoryCgroup>(new MemoryCgroup(path, procs));
}

MemoryCgroup::~MemoryCgroup() {
  ::close(procs_fd_);
  // The kernel lets a cgroup go once its last process has been reaped; that can lag a little.
  for (int attempt = 0; attempt < 50 && ::rmdir(path_.c_str()) != 0 && errno == EBUSY; ++attempt)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

}  // namespace ds::scorers
