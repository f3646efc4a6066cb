#include "scorers/corpus_scores.hpp"

#include <map>

#include "scorers/creativity/diversity.hpp"
#include "scorers/philosophy/choice.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

std::map<std::string, std::vector<ScoredResponse*>> by_model(std::vector<ScoredResponse>& group) {
  std::map<std::string, std::vector<ScoredResponse*>> out;
  for (auto& r : group) out[r.model].push_back(&r);
  return out;
}

void apply_philosophy(const SuiteItem& item, std::vector<ScoredResponse>& group) {
  const auto labels = choice_labels(item.data.value("choices", json::array()));
  const json human = item.data.value("human_distribution", json::object());
  for (auto& [model, responses] : by_model(group)) {
    std::vector<std::optional<std::string>> choices;
    for (const auto* r : responses)
      choices.push_back(r->score.extracted.empty() ? std::nullopt
                                                   : std::optional(r->score.extracted));
    const auto a = philosophy_agreement(choices, labels, human);
    for (auto* r : responses) {
      Score& s = r->score;
      s.value = a.value;
      s.details["model_distribution"] = a.model;
      s.details["human_distribution"] = a.human;
      s.details["unlisted_human_mass"] = a.unlisted_human_mass;
      s.details["modal_choice"] = a.modal_choice;
      s.details["samples_parsed"] = a.parsed;
      s.details["samples_unparsed"] = a.unparsed;
      if (a.value) s.details.erase("unscored");
      else s.details["unscored"] = a.unscored_reason;
    }
  }
}

void apply_diversity(std::vector<ScoredResponse>& group) {
  for (auto& [model, responses] : by_model(group)) {
    if (responses.size() < 2) continue;
    std::vector<std::string> texts;
    for (const auto* r : responses) texts.push_back(r->text);
    const json d = diversity_summary(texts);
    for (auto* r : responses) r->score.details["diversity"] = d;
  }
}

}  // namespace

bool has_corpus_scores(const SuiteItem& item) {
  return item.kind == SuiteKind::creativity ||
         (item.kind == SuiteKind::philosophy && item.data.value("kind", std::string()) != "free");
}

void apply_corpus_scores(const SuiteItem& item, std::vector<ScoredResponse>& group) {
  if (item.kind == SuiteKind::creativity) {
    apply_diversity(group);
  } else if (has_corpus_scores(item)) {
    apply_philosophy(item, group);
  }
}

}  // namespace ds::scorers
