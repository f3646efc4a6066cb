#include "harness/server/simulated_backend.hpp"

#include <fmt/format.h>

#include "core/conversation_key.hpp"
#include "harness/server/sim_answers.hpp"
#include "harness/server/sim_judge.hpp"
#include "harness/server/sim_persona.hpp"
#include "harness/server/text_tokens.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

SimulatedBackend::SimulatedBackend(const std::vector<Suite>& suites) {
  for (const auto& suite : suites)
    for (const auto& item : suite.items)
      if (!item.messages.empty()) items_.emplace(normalise_whitespace(item.messages.back().content), item);
}

std::vector<Suite> SimulatedBackend::builtin_suites() {
  std::vector<Suite> suites;
  for (const auto& name : builtin_suite_names()) suites.push_back(load_suite(name));
  return suites;
}

std::vector<std::string> SimulatedBackend::model_names() const {
  std::vector<std::string> names;
  for (const auto& p : sim_personas()) names.push_back(p.name);
  return names;
}

bool SimulatedBackend::has_model(const std::string& name) const { return find_persona(name) != nullptr; }

std::optional<std::string> SimulatedBackend::answer(const ChatQuery& query, int choice_index) const {
  const Persona* self = find_persona(query.model);
  if (!self) return std::nullopt;
  SimContext ctx;
  ctx.self = self;
  ctx.parent = self->parent.empty() ? nullptr : find_persona(self->parent);
  ctx.conversation = full_conversation_key(query.system, query.messages);
  ctx.prompt = query.messages.empty() ? "" : query.messages.back().content;
  // Temperature 0 is greedy: the seed and the choice index change nothing.
  ctx.greedy = query.temperature && *query.temperature == 0.0;
  ctx.variant = ctx.greedy ? "greedy"
                           : fmt::format("seed={}/choice={}", query.seed ? std::to_string(*query.seed) : "none",
                                         choice_index);
  if (auto verdict = sim_judge(ctx, query)) return verdict;
  const auto item = items_.find(normalise_whitespace(ctx.prompt));
  json probe_item = json::object();
  if (item != items_.end()) {
    const SuiteItem& it = item->second;
    if (it.kind == SuiteKind::math) return sim_math(ctx, it);
    if (it.kind == SuiteKind::coding) return sim_coding(ctx, it);
    if (it.kind == SuiteKind::philosophy) return sim_philosophy(ctx, it);
    if (it.kind == SuiteKind::creativity) return sim_creativity(ctx, it);
    if (it.data.contains("answer") && it.data["answer"].is_string()) return sim_math(ctx, it);
    if (it.data.contains("entry_point")) return sim_coding(ctx, it);
    if (it.data.contains("choices")) return sim_philosophy(ctx, it);
    probe_item = it.data;
  }
  if (auto probe = sim_probe(ctx, probe_item)) return probe;
  return sim_generic(ctx);
}

std::string SimulatedBackend::describe() const {
  return fmt::format("simulated models with {} suite items indexed", items_.size());
}

}  // namespace ds::harness::server
