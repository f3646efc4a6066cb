#include "results/compact_logprobs.hpp"

#include <cmath>

#include "results/layer.hpp"

namespace ds::results {

namespace {

json rounded(const json& logprob) {
  if (!logprob.is_number()) return nullptr;
  const double x = logprob.get<double>();
  return std::isfinite(x) ? json(std::round(x * 1e4) / 1e4) : json(nullptr);
}

bool token_entry(const json& e) { return e.is_object() && e.contains("token") && e["token"].is_string(); }

}  // namespace

std::optional<json> compact_logprobs(const json& logprobs) {
  if (!logprobs.is_object() || !logprobs.contains("content") || !logprobs["content"].is_array()) return std::nullopt;
  json tokens = json::array(), values = json::array(), top = json::array();
  bool any_top = false;
  for (const auto& e : logprobs["content"]) {
    if (!token_entry(e)) continue;
    tokens.push_back(e["token"]);
    values.push_back(rounded(e.value("logprob", json())));
    json alternatives = json::array();
    if (e.contains("top_logprobs") && e["top_logprobs"].is_array())
      for (const auto& a : e["top_logprobs"])
        if (token_entry(a)) alternatives.push_back(json::array({a["token"], rounded(a.value("logprob", json()))}));
    any_top = any_top || !alternatives.empty();
    top.push_back(std::move(alternatives));
  }
  if (tokens.empty()) return std::nullopt;
  json out = {{"tokens", std::move(tokens)}, {"logprobs", std::move(values)}};
  if (any_top) out["top"] = std::move(top);
  return out;
}

}  // namespace ds::results
