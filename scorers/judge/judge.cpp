#include "scorers/judge/judge.hpp"

#include <regex>
#include "scorers/layer.hpp"

namespace ds::scorers {

std::string judge_kind(const SuiteItem& item) {
  if (item.kind == SuiteKind::creativity) {
    const std::string task = item.data.value("task", std::string());
    if (task == "title" || task == "metaphor") return "creativity." + task;
  }
  if (item.kind == SuiteKind::philosophy && item.data.value("kind", std::string()) == "free")
    return "philosophy.free";
  return "";
}

std::string judge_rubric(const std::string& kind) {
  if (kind == "creativity.title")
    return "You judge titles for originality and aptness. 10: surprising yet fitting, vivid, "
           "memorable, not a cliche. 7: apt and pleasant with some freshness. 4: generic or "
           "cliched but relevant. 1: irrelevant, empty, or not a title. Ignore length unless "
           "the task sets one; a refusal scores 1.";
  if (kind == "creativity.metaphor")
    return "You judge metaphors for originality and insight. 10: a fresh comparison that "
           "reveals something true about the subject, coherent and vivid. 7: apt and clear "
           "but somewhat familiar. 4: a stock metaphor or a literal description. 1: no "
           "metaphor, incoherent, or a refusal.";
  if (kind == "philosophy.free")
    return "You judge answers to a philosophical question for quality of reasoning, not for "
           "which position is taken. 10: takes a clear position, gives the strongest "
           "arguments for it, fairly states and answers the best objection, precise. 7: a "
           "clear position with good reasons, objections mentioned briefly. 4: vague or "
           "one-sided, a list of views without reasoning. 1: off-topic, incoherent, or a "
           "refusal to engage.";
  return "You judge the quality of a response to the task. 10: excellent, 7: good, "
         "4: weak, 1: fails the task.";
}

Request build_judge_request(const SuiteItem& item, const std::string& response) {
  const std::string kind = judge_kind(item);
  std::string rubric = judge_rubric(kind);
  if (item.data.contains("rubric") && item.data["rubric"].is_string())
    rubric += "\nItem-specific guidance: " + item.data["rubric"].get<std::string>();
  std::string task;
  if (!item.system.empty()) task += "[system] " + item.system + "\n";
  for (const auto& m : item.messages) task += "[" + m.role + "] " + m.content + "\n";

  Request r;
  r.system = "You are an impartial evaluator. " + rubric +
             "\nExplain briefly, then end with a final line exactly of the form "
             "\"Score: N/10\" where N is an integer from 1 to 10.";
  r.messages.push_back({"user", "## The task given to the model\n" + task +
                                    "\n## The model's response\n" + response +
                                    "\n\n## Your evaluation\nRate the response using the rubric. "
                                    "End with \"Score: N/10\"."});
  r.params.temperature = 0.0;
  r.params.max_tokens = 600;
  return r;
}

std::optional<double> parse_judge_score(const std::string& text) {
  struct Pattern {
    std::regex re;
    bool has_max;  // else out of 10
  };
  // Tiers in order of trust; within a tier the last mention wins (judges restate the scale
  // before concluding).
  static const std::vector<Pattern> tiers = [] {
    const auto icase = std::regex::icase;
    const std::string num = R"((\d+(?:\.\d+)?))";
    const std::string keyword = R"((?:score|rating|grade)[\s*:=_]*)";
    return std::vector<Pattern>{
        {std::regex(keyword + num + R"(\s*(?:/|out\s+of)\s*)" + num, icase), true},
        {std::regex(R"(\[\[\s*)" + num + R"(\s*\]\])"), false},
        {std::regex(keyword + num, icase), false},
        {std::regex(num + R"(\s*(?:/|out\s+of)\s*(10|5|100)\b)", icase), true},
    };
  }();
  for (const auto& tier : tiers) {
    std::smatch last;
    bool found = false;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tier.re);
         it != std::sregex_iterator(); ++it) {
      last = *it;
      found = true;
    }
    if (!found) continue;
    const double value = std::stod(last[1].str());
    const double max = tier.has_max ? std::stod(last[2].str()) : 10.0;
    if (max <= 0 || value > max) return std::nullopt;
    return value / max;
  }
  return std::nullopt;
}

}  // namespace ds::scorers
