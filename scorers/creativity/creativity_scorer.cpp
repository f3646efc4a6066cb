#include "scorers/creativity/creativity_scorer.hpp"

#include "scorers/creativity/aut.hpp"
#include "scorers/creativity/constraints.hpp"
#include "scorers/creativity/dat.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

Score score_creativity(const json& item_data, const std::string& response) {
  Score s;
  const std::string task = item_data.value("task", std::string());
  s.details["task"] = task;
  if (task == "dat") {
    if (!wordnet_available()) {
      s.details["unscored"] = "WordNet data not found (apt-get install wordnet-base)";
      return s;
    }
    const DatResult r = dat_score_words(dat_words(response));
    s.details["valid"] = r.valid;
    s.details["invalid"] = r.invalid;
    s.details["duplicates"] = r.duplicates;
    std::string joined;
    for (const auto& w : r.valid) joined += (joined.empty() ? "" : ",") + w;
    s.extracted = joined;
    if (r.score) {
      s.details["dat"] = *r.score;
      s.value = *r.score / 100.0;
    } else {
      // As Olson et al., an answer without 7 valid nouns has no DAT score.
      s.details["unscored"] = "fewer than 7 valid distinct nouns";
    }
  } else if (task == "aut") {
    const AutAnswer a = parse_aut_answer(response, item_data.value("object", std::string()));
    s.details["fluency"] = a.fluency;
    s.details["elaboration"] = a.elaboration;
    s.details["uses"] = a.uses.size();
    s.details["unscored"] = "originality is scored across all answers (score_store)";
  } else if (task == "constrained") {
    const json r = check_constraints(response, item_data.value("constraints", json::object()));
    s.details["constraints"] = r;
    if (r["total"].get<int>() == 0) {
      s.details["unscored"] = "item has no checkable constraints";
    } else {
      s.value = r["passed"].get<double>() / r["total"].get<double>();
    }
  } else if (task == "title" || task == "metaphor") {
    s.details["needs_judge"] = true;
  } else {
    s.details["unscored"] = "unknown creativity task '" + task + "'";
  }
  return s;
}

}  // namespace ds::scorers
