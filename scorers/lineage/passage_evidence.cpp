#include "scorers/lineage/passage_evidence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "scorers/lineage/text_features.hpp"

namespace ds::scorers::lineage {

const std::string& PassageFinder::text(const std::string& model, const std::string& prompt) {
  auto key = std::make_pair(model, prompt);
  auto it = texts_.find(key);
  if (it == texts_.end()) it = texts_.emplace(key, text_ ? text_(model, prompt) : std::string()).first;
  return it->second;
}

const PassageFinder::PanelTokens& PassageFinder::panel_tokens(const std::string& prompt) {
  auto it = panel_tokens_.find(prompt);
  if (it != panel_tokens_.end()) return it->second;
  PanelTokens tokens;
  for (const auto& m : panel_) {
    const std::string t = text_ ? text_(m, prompt) : std::string();
    if (!t.empty()) tokens.emplace_back(m, tokenize(t));
  }
  return panel_tokens_.emplace(prompt, std::move(tokens)).first->second;
}

std::vector<Evidence> PassageFinder::find(const std::string& candidate, const std::string& reference,
                                          const std::vector<std::string>& prompts, size_t max_passages) {
  std::vector<Evidence> found;
  for (const auto& prompt : prompts) {
    const std::string& a = text(candidate, prompt);
    const std::string& b = text(reference, prompt);
    if (a.empty() || b.empty()) continue;
    for (const auto& p : shared_passages(a, b, kMinWords, 6)) {
      size_t checked = 0, sharing = 0;
      for (const auto& [model, tokens] : panel_tokens(prompt)) {
        if (model == candidate || model == reference) continue;  // neither counts as the panel
        ++checked;
        sharing += std::search(tokens.begin(), tokens.end(),
                               std::boyer_moore_horspool_searcher(p.tokens.begin(), p.tokens.end())) != tokens.end();
      }
      if (checked > 0 && sharing * 10 > checked) continue;  // a phrase many panel models write
      Evidence e;
      e.kind = "shared-passage";
      e.prompt_ids = {prompt};
      e.quote = a.substr(p.a_begin, p.a_end - p.a_begin);
      e.reference_quote = b.substr(p.b_begin, p.b_end - p.b_begin);
      e.statistic = static_cast<double>(p.words);
      e.panel_sharing = sharing;
      e.panel_checked = checked;
      e.detail = fmt::format("{} tokens (words and punctuation) shared with the reference's answer; {} of {} panel answers to this prompt contain them",
                             p.words, sharing, checked);
      found.push_back(std::move(e));
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Evidence& x, const Evidence& y) { return x.statistic > y.statistic; });
  if (found.size() > max_passages) found.resize(max_passages);
  return found;
}

}  // namespace ds::scorers::lineage
