#pragma once
// `serve --replay DIR`: answers from recorded transcripts, one model per file (name = file
// stem). Layouts: FastChat MT-bench (DIR/question.jsonl + DIR/model_answer/*.jsonl, turns
// as strings or {"content"} objects) and our transcript JSONL (DIR/*.jsonl, lines
// {"messages": [{"role", "content"}...], "text": "...", "system"?}). A request matches on
// the conversation so far: the full conversation first, else the user turns alone.
#include <map>
#include <string>
#include <vector>

#include "harness/server/chat.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

class ReplayBackend : public Backend {
 public:
  // Loads every transcript; a malformed file is an InputError naming file:line and field.
  explicit ReplayBackend(const std::string& dir);

  std::vector<std::string> model_names() const override;
  bool has_model(const std::string& name) const override { return models_.count(name) > 0; }
  bool simulated() const override { return false; }
  std::optional<std::string> answer(const ChatQuery& query, int choice_index) const override;
  std::string describe() const override;

  size_t answer_count(const std::string& model) const;

 private:
  struct Recorded {
    std::map<std::string, std::vector<std::string>> by_full_key;
    std::map<std::string, std::vector<std::string>> by_user_turns;
  };
  void load_mtbench(const std::string& question_file, const std::string& answer_dir);
  void load_transcript(const std::string& path);
  static void add(Recorded& r, const std::string& system, const std::vector<Message>& conversation,
                  const std::string& text);

  std::string dir_;
  std::map<std::string, Recorded> models_;
};

}  // namespace ds::harness::server
