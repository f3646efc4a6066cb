#include "results/importers/leaderboard_folder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace fs = std::filesystem;

namespace {

// Regular files in `dir` named `*ext`, sorted (a stable import order).
std::vector<std::string> files_ending(const fs::path& dir, const std::string& ext) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > ext.size() && name.ends_with(ext)) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> model_outputs_under(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path file = entry.path() / "model_outputs.json";
    if (entry.is_directory() && fs::is_regular_file(file)) out.push_back(file.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> expand_folder(const fs::path& dir, const std::string& format) {
  if (format == "mtbench" || format == "arenahard") {
    auto found = files_ending(dir / "model_answer", ".jsonl");
    if (found.empty() && dir.filename() == "model_answer") found = files_ending(dir, ".jsonl");
    if (found.empty())
      throw InputError(fmt::format("{}: no answers found; a {} folder holds model_answer/*.jsonl beside "
                                   "question.jsonl (give that folder, its model_answer folder, or the files)",
                                   dir.string(), format));
    return found;
  }
  auto found = model_outputs_under(dir / "results");
  if (found.empty()) found = model_outputs_under(dir);
  if (found.empty() && fs::is_regular_file(dir / "model_outputs.json")) found.push_back((dir / "model_outputs.json").string());
  if (found.empty())
    throw InputError(fmt::format("{}: no answers found; an AlpacaEval folder holds results/MODEL/model_outputs.json "
                                 "(give the repository, its results folder, or the files)",
                                 dir.string()));
  return found;
}

}  // namespace

std::vector<std::string> expand_leaderboard_folders(const std::vector<std::string>& paths, const std::string& format) {
  const bool leaderboard = format == "mtbench" || format == "arenahard" || format == "alpacaeval";
  std::vector<std::string> out;
  for (const auto& path : paths) {
    if (!leaderboard || !fs::is_directory(path)) {
      out.push_back(path);
      continue;
    }
    for (auto& file : expand_folder(path, format)) out.push_back(std::move(file));
  }
  return out;
}

}  // namespace ds::results
