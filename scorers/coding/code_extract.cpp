#include "scorers/coding/code_extract.hpp"

#include <algorithm>
#include <cctype>
#include <vector>
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

struct Fence {
  std::string language;
  std::string body;
};

std::vector<Fence> fences(const std::string& text) {
  std::vector<Fence> out;
  size_t pos = 0;
  while ((pos = text.find("```", pos)) != std::string::npos) {
    const size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) break;
    std::string language = text.substr(pos + 3, eol - pos - 3);
    language.erase(std::remove_if(language.begin(), language.end(),
                                  [](unsigned char c) { return std::isspace(c); }),
                   language.end());
    std::transform(language.begin(), language.end(), language.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    size_t close = text.find("\n```", eol);
    const size_t body_end = close == std::string::npos ? text.size() : close + 1;
    out.push_back({language, text.substr(eol + 1, body_end - eol - 1)});
    if (close == std::string::npos) break;
    pos = close + 4;
  }
  return out;
}

}  // namespace

std::string extract_code(const std::string& response, const std::string& entry_point) {
  const auto all = fences(response);
  std::vector<Fence> python;
  for (const auto& f : all)
    if (f.language == "python" || f.language == "py" || f.language == "python3")
      python.push_back(f);
  const auto& pool = python.empty() ? all : python;
  if (pool.empty()) return response;
  const std::string def = "def " + entry_point;
  for (auto it = pool.rbegin(); it != pool.rend(); ++it)
    if (!entry_point.empty() && it->body.find(def) != std::string::npos) return it->body;
  return std::max_element(pool.begin(), pool.end(),
                          [](const Fence& a, const Fence& b) {
                            return a.body.size() < b.body.size();
                          })
      ->body;
}

}  // namespace ds::scorers
