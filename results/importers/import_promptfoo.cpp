// promptfoo results files (`promptfoo eval -o results.json`): {evalId, results: {version,
// timestamp, prompts, results: [...], stats}, config, metadata: {promptfooVersion, ...}}. Per
// result: prompt.raw (the rendered prompt: text, or a JSON chat), vars, provider.id,
// response.output, latencyMs and gradingResult (pass, score, reason, namedScores), kept as
// "promptfoo:pass", "promptfoo:score" and "promptfoo:<named score>". One file may hold several
// providers: each is a model, named by its provider id without the provider and API kind
// ("openai:chat:gpt-4o-mini" -> "gpt-4o-mini").
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "core/errors.hpp"
#include "results/importers/json_at.hpp"
#include "results/importers/tool_answers.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

std::string model_from_provider_id(const std::string& id) {
  static const std::set<std::string> api_kinds = {"chat",      "completion", "completions",
                                                  "messages",  "responses",  "text-generation",
                                                  "embedding", "embeddings", "assistant"};
  const auto first = id.find(':');
  if (first == std::string::npos) return id;
  std::string rest = id.substr(first + 1);
  const auto second = rest.find(':');
  if (second != std::string::npos && api_kinds.count(rest.substr(0, second)))
    rest = rest.substr(second + 1);
  return rest.empty() ? id : rest;
}

std::string provider_id(const JsonAt& result) {
  const JsonAt provider = result.at("provider");
  if (provider.value().is_string()) return provider.string();
  return provider.at("id").string();
}

std::string text_of(const JsonAt& output) {
  return output.value().is_string() ? output.string() : output.value().dump();
}

std::vector<ToolScore> grading_scores(const JsonAt& grading) {
  std::vector<ToolScore> out;
  const std::string reason = string_or(grading, "reason");
  ToolScore pass;
  pass.metric = "pass";
  pass.value = grading.at("pass").number();
  if (!reason.empty()) pass.details["reason"] = reason;
  out.push_back(pass);
  if (const auto score = grading.find("score")) out.push_back({"score", score->number(), "", json::object()});
  if (const auto named = grading.find("namedScores"))
    for (auto it = named->object().begin(); it != named->object().end(); ++it)
      out.push_back({it.key(), named->find(it.key())->number(), "", json::object()});
  return out;
}

}  // namespace

void parse_promptfoo_file(const std::string& path, const ImportOptions& options,
                          ImportBatch& batch) {
  const json root = read_json_file(path);
  const JsonAt at(root, path);
  at.object();
  const JsonAt summary = at.at("results");
  const JsonAt results = summary.at("results");
  std::set<std::string> providers;
  for (size_t i = 0; i < results.size(); ++i) providers.insert(provider_id(results[i]));
  if (!options.model_name.empty() && providers.size() > 1)
    throw InputError(fmt::format("{}: --model names one model but the file has {} providers ({}); "
                                 "import without --model",
                                 path, providers.size(), fmt::join(providers, ", ")));
  ToolImport sink(batch, "promptfoo", path, path);
  for (size_t i = 0; i < results.size(); ++i) {
    const JsonAt r = results[i];
    const std::string id = provider_id(r);
    const JsonAt prompt = r.at("prompt");
    const std::string raw = prompt.at("raw").string();
    const auto response = r.find("response");
    const bool failed = !string_or(r, "error").empty() ||
                        (response && !string_or(*response, "error").empty());
    if (failed || !response || !response->find("output")) {
      sink.skip("results that ended in an error or have no output");
      continue;
    }
    ToolAnswer a;
    a.model = options.model_name.empty() ? model_from_provider_id(id) : options.model_name;
    a.prompt = prompt_from_text(raw);
    a.task = string_or(prompt, "label");
    a.text = text_of(response->at("output"));
    if (const auto latency = r.find("latencyMs")) a.latency_ms = latency->number();
    if (const auto usage = response->find("tokenUsage"))
      a.usage = {{"prompt_tokens", usage->value().value("prompt", 0)},
                 {"completion_tokens", usage->value().value("completion", 0)}};
    a.item_data = {{"promptfoo_provider", id}};
    if (const auto vars = r.find("vars")) a.item_data["promptfoo_vars"] = vars->value();
    if (const auto grading = r.find("gradingResult")) a.scores = grading_scores(*grading);
    sink.add(a);
  }
  std::string version;
  if (const auto metadata = at.find("metadata")) version = string_or(*metadata, "promptfooVersion");
  json extra = {{"providers", std::vector<std::string>(providers.begin(), providers.end())}};
  if (const auto eval_id = at.find("evalId")) extra["eval_id"] = eval_id->value();
  sink.finish(version, extra);
}

}  // namespace ds::results
