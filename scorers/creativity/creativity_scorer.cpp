#include "scorers/creativity/creativity_scorer.hpp"

#include "scorers/creativity/aut.hpp"
#include "scorers/creativity/constraints.hpp"
#include "scorers/creativity/dat.hpp"
#include "scorers/creativity/dat_human_scale.hpp"
#include "scorers/creativity/relevance.hpp"
#include "scorers/creativity/wordnet.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

namespace {

// An answer that does not do the task scores 0 (not unscored): a model cannot raise its
// creativity score by refusing or answering something else. details["zero"] says why.
void score_zero(Score& s, const std::string& why) {
  s.value = 0.0;
  s.details["zero"] = why;
}

void score_dat(Score& s, const std::string& response) {
  const DatResult r = dat_score_words(dat_words(response));
  s.details["valid"] = r.valid;
  s.details["invalid"] = r.invalid;
  s.details["duplicates"] = r.duplicates;
  std::string joined;
  for (const auto& w : r.valid) joined += (joined.empty() ? "" : ",") + w;
  s.extracted = joined;
  if (r.score) {
    s.details["dat"] = *r.score;
    if (const auto& scale = dat_human_scale()) s.details["dat_human_scale"] = on_human_scale(*scale, *r.score);
    s.value = *r.score / 100.0;
  } else {
    // Olson et al. leave such answers out of a person's DAT; a model asked for ten nouns that
    // gives fewer than seven has not done the task. details["dat"] stays absent, so the
    // human-scale DAT (the published anchor) rests on complete answers only.
    score_zero(s, "task not done: fewer than 7 valid distinct nouns");
  }
}

void score_aut(Score& s, const json& item, const std::string& response) {
  const AutAnswer a = parse_aut_answer(response, item.value("object", std::string()));
  s.details["fluency"] = a.fluency;
  s.details["elaboration"] = a.elaboration;
  s.details["uses"] = a.uses.size();
  if (a.fluency < kAutMinUses) {
    score_zero(s, "task not done: " + std::to_string(a.fluency) + " distinct use(s), at least " +
                      std::to_string(kAutMinUses) + " expected");
    return;
  }
  std::vector<std::string> common_uses;
  for (const auto& w : item.value("common_uses", json::array()))
    if (w.is_string()) common_uses.push_back(w.get<std::string>());
  if (common_uses.empty()) {
    s.details["unscored"] = "item has no 'common_uses' (the object's common uses, the fixed reference)";
    return;
  }
  const AutUncommonness u = aut_uncommonness(a, common_uses);
  s.details["common_ideas"] = u.common;
  s.details["uncommon_ideas"] = u.uncommon;
  s.details["originality"] = u.share;
  s.value = u.share;
  if (const std::string noun = item.value("object_noun", std::string()); !noun.empty()) {
    const AutDistance d = aut_semantic_distance(a, noun);
    if (d.mean) s.details["semantic_distance"] = *d.mean;
  }
}

// Relevance first: an answer about something else scores 0 whatever its form.
bool off_topic(Score& s, const json& item, const std::string& response) {
  const auto r = check_relevance(item, response);
  if (!r) return false;
  s.details["about_words_found"] = r->found;
  if (r->on_topic) return false;
  score_zero(s, r->reason);
  return true;
}

}  // namespace

Score score_creativity(const json& item_data, const std::string& response) {
  Score s;
  const std::string task = item_data.value("task", std::string());
  s.details["task"] = task;
  // Relevance and constraints read inflections through WordNet where it is present and
  // compare plain words where not; DAT and AUT distances cannot do without it.
  if ((task == "dat" || task == "aut") && !wordnet_available()) {
    s.details["unscored"] = "WordNet data not found (apt-get install wordnet-base)";
    return s;
  }
  if (task == "dat") {
    score_dat(s, response);
  } else if (task == "aut") {
    score_aut(s, item_data, response);
  } else if (task == "constrained") {
    if (off_topic(s, item_data, response)) return s;
    const json r = check_constraints(response, item_data.value("constraints", json::object()));
    s.details["constraints"] = r;
    if (r["total"].get<int>() == 0) {
      s.details["unscored"] = "item has no checkable constraints";
    } else {
      s.value = r["passed"].get<double>() / r["total"].get<double>();
    }
  } else if (task == "title" || task == "metaphor") {
    if (off_topic(s, item_data, response)) return s;
    s.details["needs_judge"] = true;
  } else {
    s.details["unscored"] = "unknown creativity task '" + task + "'";
  }
  return s;
}

}  // namespace ds::scorers
