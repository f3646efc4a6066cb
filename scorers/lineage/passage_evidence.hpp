#pragma once
// Verbatim shared passages: on the prompts where the candidate's answer is most like the
// reference's, the longest passages the two answers share that few panel answers to the same
// prompt contain (a stock phrase every model writes is not evidence of lineage).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "scorers/lineage/evidence.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

using TextOf = std::function<std::string(const std::string& model, const std::string& prompt)>;

class PassageFinder {
 public:
  // panel_sample: the panel answers checked for each passage (a bounded sample of the panel).
  PassageFinder(TextOf text, std::vector<std::string> panel_sample)
      : text_(std::move(text)), panel_(std::move(panel_sample)) {}

  // Up to `max_passages` passages of at least kMinWords words shared by the candidate's and the
  // reference's answers to `prompts`, each shared by at most a tenth of the checked panel
  // answers (the candidate and the reference left out), longest first.
  std::vector<Evidence> find(const std::string& candidate, const std::string& reference,
                             const std::vector<std::string>& prompts, size_t max_passages);

  static constexpr size_t kMinWords = 8;

 private:
  using PanelTokens = std::vector<std::pair<std::string, std::vector<std::string>>>;  // (model, tokens)
  const PanelTokens& panel_tokens(const std::string& prompt);
  const std::string& text(const std::string& model, const std::string& prompt);
  TextOf text_;
  std::vector<std::string> panel_;
  std::map<std::string, PanelTokens> panel_tokens_;  // per prompt
  std::map<std::pair<std::string, std::string>, std::string> texts_;
};

}  // namespace ds::scorers::lineage
