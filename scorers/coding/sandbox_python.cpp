#include "scorers/coding/sandbox_python.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "scorers/coding/sandbox.hpp"

namespace ds::scorers {

namespace fs = std::filesystem;

std::string sandbox_python() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / "python3";
    std::error_code ec;
    const fs::path real = fs::canonical(candidate, ec);
    if (ec || ::access(candidate.c_str(), X_OK) != 0) continue;
    if (real.string().rfind("/usr/", 0) == 0) return real.string();
  }
  throw SandboxUnavailable(
      "no python3 under /usr on PATH: the coding scorer runs answers with the system's python3 "
      "inside the sandbox; install it with `apt-get install python3`");
}

}  // namespace ds::scorers
