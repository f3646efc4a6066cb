#include "scorers/scorer.hpp"


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

void ask_judge(const SuiteItem& item, const std::string& response, const ScoreContext& ctx,
               Score& s) {
  s.details["judge_kind"] = judge_kind(item);
  if (!ctx.judge) {
    s.details["unscored"] = "needs a judge model (--judge SPEC)";
    return;
  }
  const auto reply = ctx.judge(build_judge_request(item, response));
  if (!reply) {
    s.details["unscored"] = "the judge call failed";
    return;
  }
  s.details["judge_text"] = utf8_prefix(*reply, kJudgeTextKept);  // never half a character
  s.value = parse_judge_score(*reply);
  if (s.value) {
    s.details.erase("needs_judge");
    s.details.erase("unscored");
  } else {
    s.details["unscored"] = "the judge's reply contains no score";
  }
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

}  // namespace

const std::vector<KindScorer>& kind_scorers() {
  static const std::vector<KindScorer> scorers = {
      {SuiteKind::math, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_math(i.data, r);
       }},
      {SuiteKind::coding, score_coding_item, true},
      {SuiteKind::creativity, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_creativity(i.data, r);
       }},
      {SuiteKind::philosophy, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_philosophy(i.data, r);
       }},
      {SuiteKind::probes, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_probe(i.data, r);
       }},
      {SuiteKind::exact, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_exact(i.data, r);
       }},
      {SuiteKind::regex, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_regex(i.data, r);
       }},
      {SuiteKind::contains, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_contains(i.data, r);
       }},
      {SuiteKind::choice, [](const SuiteItem& i, const std::string& r, const ScoreContext&) {
         return score_choice(i.data, r);
       }},
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
  if (s.details.value("needs_judge", false)) ask_judge(item, response, ctx, s);
  return s;
}

}  // namespace ds::scorers
