#include "harness/server/completion_shape.hpp"

#include <algorithm>
#include <cmath>

#include "harness/server/text_tokens.hpp"
#include "core/hash.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

int64_t prompt_token_count(const ChatQuery& q) {
  // Chat formats add a few tokens of framing per message.
  int64_t n = q.system.empty() ? 0 : count_tokens(q.system) + 4;
  for (const auto& m : q.messages) n += count_tokens(m.content) + 4;
  return n + 3;
}

json token_bytes(const std::string& token) {
  json bytes = json::array();
  for (unsigned char c : token) bytes.push_back(static_cast<int>(c));
  return bytes;
}

// A logprob in (-6, 0], skewed towards 0 as a confident model's would be.
double pseudo_logprob(uint64_t h) {
  const double u = static_cast<double>(h % 100000) / 100000.0;
  return -std::pow(u, 3.0) * 6.0;
}

}  // namespace

ShapedCompletion shape_completion(const std::string& full_text, const ChatQuery& query) {
  ShapedCompletion out;
  out.prompt_tokens = prompt_token_count(query);
  std::string text = full_text;
  size_t cut = std::string::npos;
  for (const auto& s : query.stop) {
    if (s.empty()) continue;
    const size_t at = text.find(s);
    if (at != std::string::npos && (cut == std::string::npos || at < cut)) {
      cut = at;
      out.stop_sequence = s;
    }
  }
  if (cut != std::string::npos) {
    text.resize(cut);
    out.finish = Finish::stop_sequence;
  }
  out.tokens = split_tokens(text);
  if (query.max_tokens && static_cast<int64_t>(out.tokens.size()) > *query.max_tokens) {
    out.tokens.resize(static_cast<size_t>(std::max(0, *query.max_tokens)));
    text.clear();
    for (const auto& t : out.tokens) text += t;
    out.finish = Finish::length;
    out.stop_sequence.clear();
  }
  out.text = text;
  out.completion_tokens = static_cast<int64_t>(out.tokens.size());
  return out;
}

json make_logprobs(const ChatQuery& query, const ShapedCompletion& completion) {
  static const char* kAlternatives[] = {" the", " a", ",", ".", " and", " to", " of", " is",
                                        " in", " it", "\n", " that", " this", " for", " we",
                                        " be", " on", " with", " as", " I"};
  json content = json::array();
  for (size_t i = 0; i < completion.tokens.size(); ++i) {
    const std::string& token = completion.tokens[i];
    const uint64_t h = stable_hash(query.model + "|" + std::to_string(i) + "|" + token);
    const double lp = pseudo_logprob(h);
    json entry = {{"token", token}, {"logprob", lp}, {"bytes", token_bytes(token)},
                  {"top_logprobs", json::array()}};
    if (query.top_logprobs > 0) {
      entry["top_logprobs"].push_back({{"token", token}, {"logprob", lp}, {"bytes", token_bytes(token)}});
      double next = std::min(lp, -0.05) - 0.7;
      for (int k = 1, a = static_cast<int>(h % 20); k < query.top_logprobs; ++k, a = (a + 7) % 20) {
        std::string alt = kAlternatives[a];
        if (alt == token) alt = kAlternatives[(a + 1) % 20];
        entry["top_logprobs"].push_back(
            {{"token", alt}, {"logprob", next}, {"bytes", token_bytes(alt)}});
        next -= 0.4 + static_cast<double>((h >> (k * 3)) % 10) / 10.0;
      }
    }
    content.push_back(std::move(entry));
  }
  return {{"content", content}, {"refusal", nullptr}};
}

}  // namespace ds::harness::server
