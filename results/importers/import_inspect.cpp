// Inspect AI eval logs: a .json log (EvalLog: version, status, eval, plan, results, samples)
// or a .eval zip archive (header.json or _journal/start.json with `eval`, and one
// samples/<id>_epoch_<n>.json per sample). Per sample: the conversation sent (messages before
// the model's first generated turn, else `input`), output.completion, and scores (value, answer,
// explanation) kept as "inspect:<scorer>"; epoch n becomes sample n - 1; the model is
// eval.model without its provider prefix.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "core/json_bounded.hpp"
#include "results/importers/json_at.hpp"
#include "results/importers/tool_answers.hpp"
#include "results/importers/zip_archive.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

// Large or repeated content is stored once per sample as attachment://<hash>.
void resolve_attachments(json& value, const json& attachments) {
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (s.rfind("attachment://", 0) == 0) {
      const std::string key = s.substr(13);
      if (attachments.contains(key) && attachments[key].is_string()) value = attachments[key];
    }
  } else if (value.is_structured()) {
    for (auto& child : value) resolve_attachments(child, attachments);
  }
}

// Where the model's own first turn starts: the first assistant message with source "generate"
// (the input may hold earlier assistant turns of a scripted conversation), else the last
// assistant message.
size_t first_generated(const json& messages) {
  size_t last_assistant = messages.size();
  for (size_t i = 0; i < messages.size(); ++i) {
    const json& m = messages[i];
    if (!m.is_object() || m.value("role", std::string()) != "assistant") continue;
    if (m.value("source", std::string()) == "generate") return i;
    last_assistant = i;
  }
  return last_assistant;
}

// The conversation the model answered: the messages before its first generated turn, else
// the sample's input.
ImportedPrompt sample_prompt(const JsonAt& sample) {
  ImportedPrompt prompt;
  if (const auto messages = sample.find("messages")) {
    const json& all = messages->array();
    const json sent(all.begin(), all.begin() + static_cast<long>(first_generated(all)));
    if (prompt_from_messages(sent, prompt) && !prompt.messages.empty()) return prompt;
  }
  const JsonAt input = sample.at("input");
  if (input.value().is_string()) return prompt_from_text(input.string());
  if (!prompt_from_messages(input.array(), prompt))
    input.fail("expected a string or a list of chat messages with role and content");
  return prompt;
}

std::string content_text(const JsonAt& content) {
  if (content.value().is_string()) return content.string();
  std::string out;
  for (const auto& part : content.array())
    if (part.is_object() && part.value("type", std::string()) == "text" && part.contains("text") &&
        part["text"].is_string())
      out += part["text"].get<std::string>();
  return out;
}

ToolScore sample_score(const std::string& name, const JsonAt& score) {
  ToolScore s;
  s.metric = name;
  const json& raw = score.at("value").value();
  s.value = tool_score_value(raw);
  if (!s.value) s.details["unscored"] = "the scorer's value is not a number or grade";
  s.details["value"] = raw;
  const std::string answer = string_or(score, "answer");
  if (!answer.empty()) s.details["answer"] = answer;
  if (is_verdict(s.value)) s.extracted = answer;  // a right/wrong answer: shared-error evidence
  const std::string explanation = string_or(score, "explanation");
  if (!explanation.empty()) s.details["explanation"] = explanation;
  return s;
}

struct InspectLog {
  json eval;
  std::vector<std::pair<json, std::string>> samples;  // sample, origin for errors
  std::string origin;  // the file (and archive member) `eval` was read from
};

InspectLog read_eval_archive(const std::string& path) {
  const ZipArchive zip(path);
  InspectLog log;
  for (const char* name : {"header.json", "_journal/start.json", "start.json"}) {
    const auto bytes = zip.read(name);
    if (!bytes) continue;
    const std::string origin = fmt::format("{}:{}", path, name);
    const json header = parse_json(*bytes, origin, json_limits::kImport);
    if (!header.is_object()) throw InputError(origin + ": expected a JSON object");
    if (!header.contains("eval")) continue;
    log.eval = header["eval"];
    log.origin = origin;
    break;
  }
  if (log.eval.is_null())
    throw InputError(fmt::format("{}: no header.json or _journal/start.json with the eval spec; "
                                 "is this an Inspect .eval log?", path));
  for (const auto& name : zip.names()) {
    if (name.rfind("samples/", 0) != 0 || name.size() < 5 || name.substr(name.size() - 5) != ".json")
      continue;
    // Bounded like every outside JSON text: a deeply nested member is refused here, before
    // anything copies or walks it recursively.
    const std::string origin = fmt::format("{}:{}", path, name);
    log.samples.push_back({parse_json(*zip.read(name), origin, json_limits::kImport), origin});
  }
  return log;
}

InspectLog read_json_log(const std::string& path) {
  json root = read_json_file(path, json_limits::kImport);
  const JsonAt at(root, path);
  InspectLog log;
  log.eval = at.at("eval").object();
  log.origin = path;
  const auto samples = at.find("samples");
  if (!samples)
    at.fail("the log has no samples (it was written with log_samples off); nothing to import");
  for (size_t i = 0; i < samples->size(); ++i)
    log.samples.push_back({samples->value()[i], fmt::format("{}:samples[{}]", path, i)});
  return log;
}

bool is_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

void import_sample(const json& raw, const std::string& origin, const std::string& model,
                   const std::string& task, ToolImport& sink) {
  json sample = raw;
  if (sample.is_object() && sample.contains("attachments") && sample["attachments"].is_object()) {
    const json attachments = sample["attachments"];
    resolve_attachments(sample, attachments);
  }
  const JsonAt s(sample, origin);
  s.object();
  const JsonAt id = s.at("id");
  if (s.find("error")) return sink.skip("samples that ended in an error");
  ToolAnswer a;
  a.model = model;
  a.task = task;
  a.prompt = sample_prompt(s);
  const JsonAt output = s.at("output");
  a.text = string_or(output, "completion");
  const auto choices = output.find("choices");
  if (choices && choices->size() > 0) {
    const JsonAt first = (*choices)[0];
    if (a.text.empty()) a.text = content_text(first.at("message").at("content"));
    a.finish_reason = string_or(first, "stop_reason", a.finish_reason);
  }
  if (a.text.empty() && (!choices || choices->size() == 0))
    return sink.skip("samples without model output");
  if (const auto usage = output.find("usage"))
    a.usage = {{"prompt_tokens", usage->value().value("input_tokens", 0)},
               {"completion_tokens", usage->value().value("output_tokens", 0)}};
  if (const auto time = output.find("time")) a.latency_ms = time->number() * 1000.0;
  const auto epoch = s.find("epoch");
  a.sample = epoch ? static_cast<int>(epoch->number()) - 1 : 0;
  a.item_data = {{"inspect_sample_id", id.value()}};
  if (const auto target = s.find("target")) a.item_data["target"] = target->value();
  if (const auto scores = s.find("scores"))
    for (auto it = scores->object().begin(); it != scores->object().end(); ++it)
      a.scores.push_back(sample_score(it.key(), *scores->find(it.key())));
  sink.add(a);
}

}  // namespace

void parse_inspect_file(const std::string& path, const ImportOptions& options,
                        ImportBatch& batch) {
  const InspectLog log = is_zip(path) ? read_eval_archive(path) : read_json_log(path);
  const JsonAt eval(log.eval, log.origin, "eval");
  eval.object();
  const std::string model =
      options.model_name.empty() ? without_provider_prefix(eval.at("model").string()) : options.model_name;
  const std::string task = eval.at("task").string();
  std::string version;
  if (const auto packages = eval.find("packages")) version = string_or(*packages, "inspect_ai");
  ToolImport sink(batch, "inspect", path, path);
  for (const auto& [sample, origin] : log.samples) import_sample(sample, origin, model, task, sink);
  sink.finish(version, {{"task", task}, {"inspect_model", eval.at("model").string()}});
}

}  // namespace ds::results
