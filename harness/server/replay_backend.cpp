#include "harness/server/replay_backend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "core/json.hpp"
#include "core/conversation_key.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace fs = std::filesystem;

namespace {

// Calls fn(json, "file:line") for every non-blank line.
template <class Fn>
void for_each_line(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot open transcript file", path));
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json v = parse_json_line(line, path, n);
    const std::string where = fmt::format("{}:{}", path, n);
    if (!v.is_object()) throw InputError(where + ": each line must be a JSON object");
    fn(v, where);
  }
}

// A turn is a string (MT-bench) or an object with "content" (Arena-Hard).
std::string turn_text(const json& turn, const std::string& where, const std::string& field) {
  if (turn.is_string()) return turn.get<std::string>();
  if (turn.is_object() && turn.contains("content") && turn["content"].is_string())
    return turn["content"].get<std::string>();
  throw InputError(fmt::format("{}: field '{}' must hold strings or objects with a string 'content'",
                               where, field));
}

std::vector<fs::path> jsonl_files(const std::string& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

ReplayBackend::ReplayBackend(const std::string& dir) : dir_(dir) {
  if (!fs::is_directory(dir))
    throw InputError(fmt::format("--replay {}: not a directory of transcript files", dir));
  const fs::path questions = fs::path(dir) / "question.jsonl";
  const fs::path answers = fs::path(dir) / "model_answer";
  if (fs::exists(questions) && fs::is_directory(answers)) load_mtbench(questions, answers);
  for (const auto& f : jsonl_files(dir))
    if (f.filename() != "question.jsonl") load_transcript(f.string());
  if (models_.empty())
    throw InputError(fmt::format(
        "--replay {}: no transcripts found; expected DIR/*.jsonl (our transcript format) or "
        "DIR/question.jsonl with DIR/model_answer/*.jsonl (FastChat MT-bench)", dir));
}

void ReplayBackend::add(Recorded& r, const std::string& system, const std::vector<Message>& conversation,
                        const std::string& text) {
  r.by_full_key[full_conversation_key(system, conversation)].push_back(text);
  r.by_user_turns[user_turns_key(conversation)].push_back(text);
}

void ReplayBackend::load_mtbench(const std::string& question_file, const std::string& answer_dir) {
  std::map<int64_t, std::vector<std::string>> questions;
  for_each_line(question_file, [&](const json& q, const std::string& where) {
    if (!q.contains("question_id") || !q["question_id"].is_number_integer())
      throw InputError(where + ": field 'question_id' is missing or not an integer");
    if (!q.contains("turns") || !q["turns"].is_array() || q["turns"].empty())
      throw InputError(where + ": field 'turns' is missing or not a non-empty array");
    auto& turns = questions[q["question_id"].get<int64_t>()];
    for (const auto& t : q["turns"]) turns.push_back(turn_text(t, where, "turns"));
  });
  for (const auto& file : jsonl_files(answer_dir)) {
    Recorded& model = models_[file.stem().string()];
    for_each_line(file.string(), [&](const json& a, const std::string& where) {
      if (!a.contains("question_id") || !a["question_id"].is_number_integer())
        throw InputError(where + ": field 'question_id' is missing or not an integer");
      const auto qid = a["question_id"].get<int64_t>();
      const auto q = questions.find(qid);
      if (q == questions.end())
        throw InputError(fmt::format("{}: field 'question_id' = {} is not in {}", where, qid, question_file));
      if (!a.contains("choices") || !a["choices"].is_array() || a["choices"].empty() ||
          !a["choices"][0].is_object() || !a["choices"][0].contains("turns") ||
          !a["choices"][0]["turns"].is_array())
        throw InputError(where + ": field 'choices[0].turns' is missing or not an array");
      for (const auto& choice : a["choices"]) {
        if (!choice.is_object() || !choice.contains("turns") || !choice["turns"].is_array())
          throw InputError(where + ": field 'choices[].turns' is missing or not an array");
        std::vector<Message> conversation;
        const auto& turns = choice["turns"];
        for (size_t k = 0; k < turns.size() && k < q->second.size(); ++k) {
          conversation.push_back({"user", q->second[k]});
          const std::string text = turn_text(turns[k], where, "choices[].turns");
          add(model, "", conversation, text);
          conversation.push_back({"assistant", text});
        }
      }
    });
  }
}

void ReplayBackend::load_transcript(const std::string& path) {
  Recorded& model = models_[fs::path(path).stem().string()];
  for_each_line(path, [&](const json& v, const std::string& where) {
    if (!v.contains("messages") || !v["messages"].is_array() || v["messages"].empty())
      throw InputError(where + ": field 'messages' is missing or not a non-empty array of {role, content}");
    std::vector<Message> conversation;
    std::string system;
    size_t i = 0;
    for (const auto& m : v["messages"]) {
      if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content") ||
          !m["content"].is_string())
        throw InputError(fmt::format("{}: field 'messages[{}]' must be an object with string 'role' and 'content'",
                                     where, i));
      const auto role = m["role"].get<std::string>();
      if (role == "system")
        system = m["content"].get<std::string>();
      else if (role == "user" || role == "assistant")
        conversation.push_back({role, m["content"].get<std::string>()});
      else
        throw InputError(fmt::format("{}: field 'messages[{}].role' is '{}'; use 'system', 'user' or 'assistant'",
                                     where, i, role));
      ++i;
    }
    if (conversation.empty() || conversation.back().role != "user")
      throw InputError(where + ": field 'messages' must end with a 'user' message (the answer goes in 'text')");
    if (!v.contains("text") || !v["text"].is_string())
      throw InputError(where + ": field 'text' (the recorded answer) is missing or not a string");
    if (v.contains("system")) {
      if (!v["system"].is_string()) throw InputError(where + ": field 'system' must be a string");
      system = v["system"].get<std::string>();
    }
    add(model, system, conversation, v["text"].get<std::string>());
  });
}

std::vector<std::string> ReplayBackend::model_names() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : models_) names.push_back(name);
  return names;
}

std::optional<std::string> ReplayBackend::answer(const ChatQuery& query, int choice_index) const {
  const auto m = models_.find(query.model);
  if (m == models_.end()) return std::nullopt;
  const std::vector<std::string>* found = nullptr;
  if (auto it = m->second.by_full_key.find(full_conversation_key(query.system, query.messages));
      it != m->second.by_full_key.end())
    found = &it->second;
  else if (auto u = m->second.by_user_turns.find(user_turns_key(query.messages));
           u != m->second.by_user_turns.end())
    found = &u->second;
  if (!found) return std::nullopt;
  // Several recordings of one conversation are samples: the seed and choice pick one.
  const uint64_t pick = static_cast<uint64_t>(query.seed.value_or(0)) + static_cast<uint64_t>(choice_index);
  return (*found)[pick % found->size()];
}

size_t ReplayBackend::answer_count(const std::string& model) const {
  const auto m = models_.find(model);
  if (m == models_.end()) return 0;
  size_t n = 0;
  for (const auto& [_, v] : m->second.by_full_key) n += v.size();
  return n;
}

std::string ReplayBackend::describe() const {
  return fmt::format("replay of {} models from {}", models_.size(), dir_);
}

}  // namespace ds::harness::server
