#include "scorers/scorer.hpp"


#include "scorers/coding/code_extract.hpp"
#include "scorers/coding/coding_scorer.hpp"
#include "scorers/creativity/creativity_scorer.hpp"
#include "scorers/generic/generic_scorers.hpp"
#include "scorers/judge/judge.hpp"
#include "scorers/math/math_scorer.hpp"
#include "scorers/philosophy/philosophy_scorer.hpp"
#include "scorers/probes/probe_fingerprint.hpp"
#include "scorers/layer.hpp"
#include "core/utf8.hpp"

namespace ds::scorers {

namespace {

constexpr size_t kJudgeTextKept = 2000;

// Most scorers read only the item's fields and the answer.
template <Score (*score)(const json& item, const std::string& response)>
Score on_item_data(const SuiteItem& item, const std::string& response, const ScoreContext&) {
  return score(item.data, response);
}

// The sandbox may be missing: the answer is then unscored with the reason, not the run's crash.
Score score_coding_item(const SuiteItem& item, const std::string& response, const ScoreContext& ctx) {
  try {
    return score_coding(item.data, response, ctx.sandbox);
  } catch (const SandboxUnavailable& e) {
    Score s;
    s.details["unscored"] = e.what();
    s.details["sandbox_unavailable"] = true;
    return s;
  }
}

// The program the sandbox would run: equal programs against the item's tests score the same.
std::string coding_execution_key(const SuiteItem& item, const std::string& response) {
  return extract_code(response, item.data.value("entry_point", std::string()));
}

}  // namespace

const std::vector<KindScorer>& kind_scorers() {
  static const std::vector<KindScorer> scorers = {
      {SuiteKind::math, on_item_data<score_math>},
      {SuiteKind::coding, score_coding_item, true, coding_execution_key},
      {SuiteKind::creativity, on_item_data<score_creativity>},
      {SuiteKind::philosophy, on_item_data<score_philosophy>},
      {SuiteKind::probes, on_item_data<score_probe>},
      {SuiteKind::exact, on_item_data<score_exact>},
      {SuiteKind::regex, on_item_data<score_regex>},
      {SuiteKind::contains, on_item_data<score_contains>},
      {SuiteKind::choice, on_item_data<score_choice>},
  };
  return scorers;
}

const KindScorer* scorer_for(const SuiteItem& item) {
  if (!item.kind) return nullptr;
  for (const auto& s : kind_scorers())
    if (s.kind == *item.kind) return &s;
  return nullptr;
}

Score score_response(const SuiteItem& item, const std::string& response,
                     const ScoreContext& ctx) {
  const KindScorer* scorer = scorer_for(item);
  if (!scorer) {
    Score s;
    s.details["unscored"] = "suite '" + item.suite + "' has no known kind: give its items a \"kind\" (" +
                            suite_kind_names() + ")";
    return s;
  }
  Score s = scorer->score(item, response, ctx);
  if (s.details.value("needs_judge", false)) {
    s.details["judge_kind"] = judge_kind(item);
    s.details["unscored"] = "needs a judge model (--judge SPEC)";
  }
  return s;
}

std::optional<Request> judge_request_for(const SuiteItem& item, const std::string& response,
                                         const Score& score) {
  if (!score.details.value("needs_judge", false)) return std::nullopt;
  return build_judge_request(item, response);
}

void apply_judge_verdict(Score& s, const JudgeVerdict& verdict) {
  if (verdict.replies > 0) s.details["judge_text"] = utf8_prefix(verdict.text, kJudgeTextKept);  // never half a character
  if (verdict.replies > 1) s.details["judge_asked_again"] = true;
  s.value = verdict.value;
  if (s.value) {
    s.details.erase("needs_judge");
    s.details.erase("unscored");
  } else {
    s.details["unscored"] = verdict.unscored;
  }
}

}  // namespace ds::scorers
