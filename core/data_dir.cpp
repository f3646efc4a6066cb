#include "core/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

#include "core/errors.hpp"

namespace ds::core {

namespace fs = std::filesystem;

std::string executable_dir() {
  // The executable does not move while it runs: asked once (suites are parsed by the
  // thousand, each item asking for its suite's kind, and every readlink is a system call).
  static const std::string dir = [] {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path().string() : exe.parent_path().string();
  }();
  return dir;
}

namespace {

fs::path build_tree_data() { return fs::path(executable_dir()) / "share" / "distillscope"; }
fs::path installed_data() { return fs::path(executable_dir()).parent_path() / "share" / "distillscope"; }

// The first of the two places that exists, "" when neither does.
std::string existing_data_dir() {
  std::error_code ec;
  if (fs::is_directory(build_tree_data(), ec)) return build_tree_data().string();
  if (fs::is_directory(installed_data(), ec)) return installed_data().lexically_normal().string();
  return "";
}

}  // namespace

std::string data_dir() {
  if (const char* env = std::getenv("DISTILLSCOPE_DATA_DIR"); env && *env) return env;
  // Found once (it is asked for every suite item); not remembered while it is missing.
  static const std::string found = existing_data_dir();
  if (!found.empty()) return found;
  if (std::string now = existing_data_dir(); !now.empty()) return now;
  throw InputError("distillscope's data files are missing: looked in " + build_tree_data().string() +
                   " and " + installed_data().lexically_normal().string() +
                   "; reinstall (cmake --install) or set DISTILLSCOPE_DATA_DIR");
}

}  // namespace ds::core
