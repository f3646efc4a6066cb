// FastChat MT-bench and Arena-Hard answers: one JSON object per line with question_id and
// choices[0].turns; the questions live in question.jsonl two folders up (DIR/question.jsonl
// beside DIR/model_answer/). Each turn becomes its own item "<question_id>.t<turn>" so that
// prompts align turn by turn across models.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/errors.hpp"
#include "results/importers/import_batch.hpp"
#include "results/layer.hpp"
#include "core/json_bounded.hpp"

namespace ds::results {

namespace {

struct Question {
  json data = json::object();
  std::vector<std::string> turns;
};

std::string id_text(const json& id) {
  if (id.is_string()) return id.get<std::string>();
  if (id.is_number_integer()) return std::to_string(id.get<long long>());
  return {};
}

// A turn is a string (MT-bench) or an object with "content" (Arena-Hard); each format
// accepts only its own, so an MT-bench file imported as Arena-Hard (or the other way round)
// is an error naming the field rather than a silently mixed store.
bool turn_text(const json& turn, bool arena_hard, std::string& out) {
  if (!arena_hard && turn.is_string()) {
    out = turn.get<std::string>();
    return true;
  }
  if (arena_hard && turn.is_object() && turn.contains("content") && turn["content"].is_string()) {
    out = turn["content"].get<std::string>();
    return true;
  }
  return false;
}

// What a turn that does not fit looks like, and what to do.
std::string turn_mismatch(const json& turn, bool arena_hard) {
  if (arena_hard && turn.is_string())
    return "is a string, as MT-bench writes it; --format arenahard expects an object with a string 'content' "
           "(import this file with --format mtbench)";
  if (!arena_hard && turn.is_object())
    return "is an object, as Arena-Hard writes it; --format mtbench expects a string "
           "(import this file with --format arenahard)";
  return arena_hard ? "must be an object with a string 'content'" : "must be a string";
}

std::string find_questions(const std::string& answers_path, const ImportOptions& options) {
  if (!options.questions_path.empty()) return options.questions_path;
  const auto dir = std::filesystem::path(answers_path).parent_path();
  for (const auto& candidate : {dir.parent_path() / "question.jsonl", dir / "question.jsonl"})
    if (std::filesystem::is_regular_file(candidate)) return candidate.string();
  throw InputError(fmt::format(
      "{}: no question.jsonl found beside the answers' folder; pass --questions FILE",
      answers_path));
}

std::map<std::string, Question> load_questions(const std::string& path, bool arena_hard) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot read the questions file", path));
  std::map<std::string, Question> out;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json q = parse_json_line(line, path, number, json_limits::kImport);
    const std::string where = fmt::format("{}:{}", path, number);
    if (!q.is_object() || !q.contains("question_id") || id_text(q["question_id"]).empty())
      throw InputError(where + ": missing field 'question_id' (string or integer)");
    if (!q.contains("turns") || !q["turns"].is_array() || q["turns"].empty())
      throw InputError(where + ": field 'turns' must be a non-empty list");
    Question question;
    for (size_t t = 0; t < q["turns"].size(); ++t) {
      std::string text;
      if (!turn_text(q["turns"][t], arena_hard, text))
        throw InputError(fmt::format("{}: field 'turns[{}]' {}", where, t, turn_mismatch(q["turns"][t], arena_hard)));
      question.turns.push_back(text);
    }
    for (auto it = q.begin(); it != q.end(); ++it)
      if (it.key() != "turns" && !it.value().is_structured()) question.data[it.key()] = it.value();
    out[id_text(q["question_id"])] = std::move(question);
  }
  return out;
}

// Questions files are shared by every answers file of a benchmark: parse each once.
const std::map<std::string, Question>& cached_questions(const std::string& path, bool arena_hard) {
  static std::map<std::string, std::map<std::string, Question>> cache;
  const auto key = std::filesystem::weakly_canonical(path).string() + (arena_hard ? "\narenahard" : "\nmtbench");
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, load_questions(path, arena_hard)).first;
  return it->second;
}

}  // namespace

void parse_mtbench_file(const std::string& path, const ImportOptions& options, bool arena_hard,
                        ImportBatch& batch) {
  const std::string suite = arena_hard ? "arenahard" : "mtbench";
  // Read on the first answer, once its shape was checked: a file given the wrong --format
  // is reported at its own first line, not at the questions file's.
  const std::map<std::string, Question>* questions = nullptr;
  const std::string model = import_model_name(path, options);
  const std::string run_id = import_run_id(path);
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot read the answers file", path));
  batch.models.push_back({model, "import", "", path, false});
  batch.runs.push_back({run_id, import_run_args(suite, path, "fastchat", "", {model})});
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json a = parse_json_line(line, path, number, json_limits::kImport);
    const std::string where = fmt::format("{}:{}", path, number);
    if (!a.is_object() || !a.contains("question_id") || id_text(a["question_id"]).empty())
      throw InputError(where + ": missing field 'question_id' (string or integer)");
    const std::string qid = id_text(a["question_id"]);
    if (!a.contains("choices") || !a["choices"].is_array() || a["choices"].empty() ||
        !a["choices"][0].is_object() || !a["choices"][0].contains("turns") ||
        !a["choices"][0]["turns"].is_array())
      throw InputError(where + ": field 'choices[0].turns' must be a list");
    const json& turns = a["choices"][0]["turns"];
    std::vector<std::string> answers(turns.size());
    for (size_t t = 0; t < turns.size(); ++t)
      if (!turn_text(turns[t], arena_hard, answers[t]))
        throw InputError(fmt::format("{}: field 'choices[0].turns[{}]' {}", where, t, turn_mismatch(turns[t], arena_hard)));
    if (!questions) questions = &cached_questions(find_questions(path, options), arena_hard);
    const auto q = questions->find(qid);
    if (q == questions->end())
      throw InputError(fmt::format("{}: question_id {} is not in the questions file; pass the "
                                   "matching --questions FILE", where, qid));
    json messages = json::array();
    for (size_t t = 0; t < turns.size(); ++t) {
      if (t >= q->second.turns.size())
        throw InputError(fmt::format("{}: answer has turn {} but question {} has only {} turns",
                                     where, t + 1, qid, q->second.turns.size()));
      // The shared item holds the user side of the conversation so far; each model's own
      // earlier answers are its responses to the earlier turns.
      messages.push_back({{"role", "user"}, {"content", q->second.turns[t]}});
      StoredItem item;
      item.suite = suite;
      item.item_id = fmt::format("{}.t{}", qid, t + 1);
      item.messages = messages;
      item.data = q->second.data;
      item.data["turn"] = t + 1;
      if (!item.data.contains("category")) item.data["category"] = "";
      batch.items.push_back(item);
      Record r;
      r.run_id = run_id;
      r.model = model;
      r.suite = suite;
      r.item_id = item.item_id;
      r.text = answers[t];
      r.finish_reason = "imported";
      batch.records.push_back(std::move(r));
    }
  }
}

}  // namespace ds::results
