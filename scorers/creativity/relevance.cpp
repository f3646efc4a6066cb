#include "scorers/creativity/relevance.hpp"

#include <set>

#include "core/text.hpp"
#include "scorers/creativity/text.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

constexpr size_t kWordsNamed = 6;  // subject words a reason names before "... n more"

// Each word with its base form: "leaves" → {leaves, leave}.
std::set<std::string> with_base_forms(const std::vector<std::string>& words) {
  std::set<std::string> out;
  for (const auto& w : words) {
    out.insert(w);
    out.insert(wordnet_base_form(w));
  }
  return out;
}

}  // namespace

std::optional<Relevance> check_relevance(const json& item_data, const std::string& response) {
  const auto it = item_data.find("about_words");
  if (it == item_data.end() || !it->is_array() || it->empty()) return std::nullopt;
  const auto present = with_base_forms(word_tokens(response));
  Relevance r;
  std::string listed;  // the first few, for the reason
  size_t count = 0;
  for (const auto& entry : *it) {
    if (!entry.is_string()) continue;
    const std::string w = lower(entry.get<std::string>());
    if (++count <= kWordsNamed) listed += (listed.empty() ? "" : ", ") + w;
    // The listed word as written (the lists spell out inflections): its own base form could
    // meet an unrelated word's ("bees" and "is" both reduce to "be").
    if (present.count(w)) r.found.push_back(w);
  }
  r.on_topic = !r.found.empty();
  if (count > kWordsNamed) listed += ", ... " + std::to_string(count - kWordsNamed) + " more";
  if (!r.on_topic) r.reason = "off topic: uses none of the subject's words (" + listed + ")";
  return r;
}

}  // namespace ds::scorers
