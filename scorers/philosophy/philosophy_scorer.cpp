#include "scorers/philosophy/philosophy_scorer.hpp"

#include "scorers/philosophy/choice.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

Score score_philosophy(const json& item_data, const std::string& response) {
  Score s;
  if (item_data.value("kind", std::string()) == "free") {
    s.details["needs_judge"] = true;
    return s;
  }
  const auto labels = choice_labels(item_data.value("choices", json::array()));
  if (labels.empty()) {
    s.details["unscored"] = "item has no 'choices'";
    return s;
  }
  const ChoiceParse choice = parse_choice(response, labels);
  s.extracted = choice.label.value_or("");
  s.details["choice_method"] = choice.method;
  const auto agreement = philosophy_agreement(
      {choice.label}, labels, item_data.value("human_distribution", json::object()));
  s.value = agreement.value;
  if (!agreement.value) s.details["unscored"] = agreement.unscored_reason;
  return s;
}

}  // namespace ds::scorers
