#include "tasks/item_checks.hpp"

#include <fmt/format.h>

#include <cctype>
#include <set>

#include "core/rational.hpp"

namespace ds::tasks {

namespace {

bool non_empty_string(const json& item, const char* field) {
  return item.contains(field) && item[field].is_string() && !item[field].get<std::string>().empty();
}

void require_string(const json& item, const char* field, Problems& out, const std::string& why = "") {
  if (!non_empty_string(item, field))
    out.push_back({field, "missing or not a non-empty string" + (why.empty() ? "" : "; " + why)});
}

bool positive_int(const json& v) { return v.is_number_integer() && v.get<int64_t>() > 0; }

// The text the model sees last: `prompt`, or the last user message.
std::string last_user_text(const json& item) {
  if (item.contains("prompt") && item["prompt"].is_string()) return item["prompt"].get<std::string>();
  if (item.contains("messages") && item["messages"].is_array() && !item["messages"].empty()) {
    const json& last = item["messages"].back();
    if (last.is_object() && last.contains("content") && last["content"].is_string())
      return last["content"].get<std::string>();
  }
  return "";
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

bool letters_only(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

void check_string_list(const json& c, const char* key, Problems& out, const std::string& prefix = "constraints.") {
  const std::string field = prefix + key;
  if (!c[key].is_array() || c[key].empty()) {
    out.push_back({field, "must be a non-empty array of words"});
    return;
  }
  for (const auto& w : c[key])
    if (!w.is_string() || w.get<std::string>().empty())
      out.push_back({field, "every entry must be a non-empty string"});
}

void check_constraints(const json& item, Problems& out) {
  if (!item.contains("constraints") || !item["constraints"].is_object() || item["constraints"].empty()) {
    out.push_back({"constraints", "a constrained item needs a non-empty object of constraints"});
    return;
  }
  const json& c = item["constraints"];
  static const std::set<std::string> known = {"min_words", "max_words",     "lines",
                                              "forbidden_letter", "required_words", "forbidden_words",
                                              "rhyme_scheme", "acrostic"};
  for (const auto& [key, value] : c.items()) {
    const std::string field = "constraints." + key;
    if (!known.count(key)) {
      out.push_back({field, "unknown constraint; known: min_words, max_words, lines, forbidden_letter, "
                            "required_words, forbidden_words, rhyme_scheme, acrostic"});
    } else if ((key == "min_words" || key == "max_words" || key == "lines") && !positive_int(value)) {
      out.push_back({field, "must be a positive integer"});
    } else if (key == "forbidden_letter" &&
               (!value.is_string() || value.get<std::string>().size() != 1 ||
                !letters_only(value.get<std::string>()))) {
      out.push_back({field, "must be a single letter"});
    } else if (key == "required_words" || key == "forbidden_words") {
      check_string_list(c, key.c_str(), out);
    } else if ((key == "rhyme_scheme" || key == "acrostic") &&
               (!value.is_string() || !letters_only(value.get<std::string>()))) {
      out.push_back({field, "must be a string of letters"});
    }
  }
  const auto get_int = [&](const char* k) -> int64_t {
    return c.contains(k) && positive_int(c[k]) ? c[k].get<int64_t>() : 0;
  };
  if (get_int("min_words") && get_int("max_words") && get_int("min_words") > get_int("max_words"))
    out.push_back({"constraints.min_words", "is larger than max_words"});
  for (const char* k : {"rhyme_scheme", "acrostic"}) {
    if (!c.contains(k) || !c[k].is_string() || !get_int("lines")) continue;
    if (c[k].get<std::string>().size() != static_cast<size_t>(get_int("lines")))
      out.push_back({std::string("constraints.") + k, "needs one letter per line (its length must equal 'lines')"});
  }
  // A required word that contains the forbidden letter makes the item impossible.
  if (c.contains("forbidden_letter") && c["forbidden_letter"].is_string() && c.contains("required_words") &&
      c["required_words"].is_array()) {
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(
        c["forbidden_letter"].get<std::string>().empty() ? ' ' : c["forbidden_letter"].get<std::string>()[0])));
    for (const auto& w : c["required_words"]) {
      if (!w.is_string()) continue;
      for (char ch : w.get<std::string>())
        if (std::tolower(static_cast<unsigned char>(ch)) == letter)
          out.push_back({"constraints.required_words",
                         fmt::format("'{}' contains the forbidden letter", w.get<std::string>())});
    }
  }
}

}  // namespace

void check_math(const json& item, Problems& out) {
  require_string(item, "topic", out, "e.g. \"algebra\"");
  if (!non_empty_string(item, "answer")) {
    out.push_back({"answer", "missing or not a string; write the exact answer as a string (\"12\", \"3/4\", \"2.5\")"});
  } else if (!parse_exact_number(item["answer"].get<std::string>())) {
    out.push_back({"answer", fmt::format("'{}' is not an integer, fraction p/q or decimal",
                                         item["answer"].get<std::string>())});
  }
  if (last_user_text(item).find("Answer:") == std::string::npos)
    out.push_back({"prompt", "must ask the model to end with \"Answer: <value>\""});
}

void check_coding(const json& item, Problems& out) {
  if (!non_empty_string(item, "entry_point") || !is_identifier(item["entry_point"].get<std::string>())) {
    out.push_back({"entry_point", "missing or not a Python identifier"});
    return;
  }
  const std::string entry = item["entry_point"].get<std::string>();
  const std::string def = "def " + entry + "(";
  if (last_user_text(item).find(def) == std::string::npos)
    out.push_back({"prompt", fmt::format("must show the signature '{}...)'", def)});
  if (!non_empty_string(item, "tests")) {
    out.push_back({"tests", "missing or not a non-empty string of Python asserts"});
  } else {
    const std::string tests = item["tests"].get<std::string>();
    if (tests.find("assert") == std::string::npos)
      out.push_back({"tests", "contains no assert"});
    if (tests.find(entry + "(") == std::string::npos)
      out.push_back({"tests", fmt::format("never calls the entry point '{}'", entry)});
  }
  if (!non_empty_string(item, "solution"))
    out.push_back({"solution", "missing; a reference implementation proves the tests are right"});
  else if (item["solution"].get<std::string>().find(def) == std::string::npos)
    out.push_back({"solution", fmt::format("does not define '{}'", entry)});
}

void check_creativity(const json& item, Problems& out) {
  static const std::set<std::string> tasks = {"dat", "aut", "constrained", "title", "metaphor"};
  if (!non_empty_string(item, "task") || !tasks.count(item["task"].get<std::string>())) {
    out.push_back({"task", "must be one of dat, aut, constrained, title, metaphor"});
    return;
  }
  const std::string task = item["task"].get<std::string>();
  if (task == "dat" && item.contains("n_words") && !positive_int(item["n_words"]))
    out.push_back({"n_words", "must be a positive integer"});
  if (task == "aut") require_string(item, "object", out, "the everyday object to find uses for");
  // Optional references the scorer reads (see docs/scorers.md): the subject's words an answer
  // must use, the object's common uses and its WordNet noun.
  for (const char* key : {"about_words", "common_uses"})
    if (item.contains(key)) check_string_list(item, key, out, "");
  if (item.contains("object_noun") && !non_empty_string(item, "object_noun"))
    out.push_back({"object_noun", "must be the object's WordNet noun, e.g. \"paper_clip\""});
  if (task == "constrained") check_constraints(item, out);
  if (task == "title" || task == "metaphor") require_string(item, "subject", out);
  if (task == "title" && item.contains("n_titles") && !positive_int(item["n_titles"]))
    out.push_back({"n_titles", "must be a positive integer"});
}

void check_philosophy(const json& item, Problems& out) {
  if (!non_empty_string(item, "kind") ||
      (item["kind"] != "forced" && item["kind"] != "free")) {
    out.push_back({"kind", "must be \"forced\" (choices) or \"free\" (judged with a rubric)"});
    return;
  }
  if (item["kind"] == "free") {
    require_string(item, "rubric", out, "the judge scores free responses with it");
    if (item.contains("choices")) out.push_back({"choices", "a free-response item has no choices"});
    return;
  }
  std::set<std::string> choices;
  if (!item.contains("choices") || !item["choices"].is_array() || item["choices"].size() < 2) {
    out.push_back({"choices", "a forced-choice item needs an array of at least two labels"});
  } else {
    for (const auto& c : item["choices"]) {
      if (!c.is_string() || c.get<std::string>().empty())
        out.push_back({"choices", "every label must be a non-empty string"});
      else if (!choices.insert(c.get<std::string>()).second)
        out.push_back({"choices", fmt::format("label '{}' appears twice", c.get<std::string>())});
    }
  }
  if (last_user_text(item).find("Choice:") == std::string::npos)
    out.push_back({"prompt", "must ask the model to end with \"Choice: <label>\""});
  if (!item.contains("human_distribution")) return;
  const json& dist = item["human_distribution"];
  if (!dist.is_object() || dist.empty()) {
    out.push_back({"human_distribution", "must be a non-empty object label -> proportion"});
    return;
  }
  double sum = 0;
  for (const auto& [label, p] : dist.items()) {
    if (!choices.empty() && !choices.count(label))
      out.push_back({"human_distribution", fmt::format("'{}' is not one of the choices", label)});
    if (!p.is_number() || p.get<double>() < 0 || p.get<double>() > 1)
      out.push_back({"human_distribution", fmt::format("proportion of '{}' must be a number in [0, 1]", label)});
    else
      sum += p.get<double>();
  }
  if (sum > 1.0001)
    out.push_back({"human_distribution", fmt::format("proportions sum to {:.4f}, more than 1", sum)});
  require_string(item, "source", out, "a human distribution must name where it was published");
}

void check_probes(const json& item, Problems& out) {
  static const std::set<std::string> kinds = {"identity", "choice", "cutoff", "refusal"};
  if (!non_empty_string(item, "probe") || !kinds.count(item["probe"].get<std::string>()))
    out.push_back({"probe", "must be one of identity, choice, cutoff, refusal"});
  if (item.contains("choices") && (!item["choices"].is_array() || item["choices"].empty()))
    out.push_back({"choices", "when present, must be a non-empty array"});
}

void check_exact(const json& item, Problems& out) {
  require_string(item, "answer", out, "the exact expected answer");
}

void check_regex(const json& item, Problems& out) {
  require_string(item, "pattern", out, "an ECMAScript regular expression the answer must match");
}

void check_contains(const json& item, Problems& out) {
  const bool one = non_empty_string(item, "contains");
  bool list = item.contains("contains") && item["contains"].is_array() && !item["contains"].empty();
  if (list)
    for (const auto& s : item["contains"]) list = list && s.is_string() && !s.get<std::string>().empty();
  if (!one && !list)
    out.push_back({"contains", "missing: a string, or a non-empty array of strings, the answer must contain"});
}

void check_choice(const json& item, Problems& out) {
  if (!item.contains("choices") || !item["choices"].is_array() || item["choices"].size() < 2) {
    out.push_back({"choices", "must be an array of at least two option labels"});
    return;
  }
  require_string(item, "answer", out, "the correct option label");
  if (!non_empty_string(item, "answer")) return;
  for (const auto& c : item["choices"])
    if (c.is_string() && c.get<std::string>() == item["answer"].get<std::string>()) return;
  out.push_back({"answer", "must be one of the item's choices"});
}

}  // namespace ds::tasks
