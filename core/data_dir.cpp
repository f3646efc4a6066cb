#include "core/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

#include "core/errors.hpp"

namespace ds::core {

namespace fs = std::filesystem;

std::string executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path().string() : exe.parent_path().string();
}

std::string data_dir() {
  if (const char* env = std::getenv("DISTILLSCOPE_DATA_DIR"); env && *env) return env;
  const fs::path exe_dir = executable_dir();
  const fs::path build_tree = exe_dir / "share" / "distillscope";
  const fs::path installed = exe_dir.parent_path() / "share" / "distillscope";
  std::error_code ec;
  if (fs::is_directory(build_tree, ec)) return build_tree.string();
  if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  throw InputError("distillscope's data files are missing: looked in " + build_tree.string() +
                   " and " + installed.lexically_normal().string() +
                   "; reinstall (cmake --install) or set DISTILLSCOPE_DATA_DIR");
}

}  // namespace ds::core
