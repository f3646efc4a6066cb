// HELM run directories (benchmark_output/runs/<suite>/<run>/): scenario_state.json holds
// adapter_spec (method, model) and request_states, each an instance (input, references with
// tags), the request (prompt or messages), its result (completions[].text, logprob) and, for
// multiple-choice prompts, output_mapping (letter -> option). display_predictions.json, when
// present, adds HELM's per-instance stats (kept as "helm:<stat>"). Generation and joint
// multiple choice give the completion as the answer (the mapped option as an "helm:choice");
// separate multiple choice (one request per option) gives the option with the highest
// log-probability; language modelling has no answer and is skipped.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>

#include "core/errors.hpp"
#include "results/importers/json_at.hpp"
#include "results/importers/tool_answers.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::string perturbation_name(const JsonAt& instance) {
  const auto p = instance.find("perturbation");
  return p ? string_or(*p, "name") : std::string();
}

// (instance id, train trial, perturbation): HELM's key of one prediction.
using PredictionKey = std::tuple<std::string, int, std::string>;

struct Prediction {
  json stats = json::object();
  std::string mapped_output;
};

std::map<PredictionKey, Prediction> read_display_predictions(const fs::path& dir) {
  std::map<PredictionKey, Prediction> out;
  const fs::path file = dir / "display_predictions.json";
  if (!fs::is_regular_file(file)) return out;
  const json all = read_json_file(file.string());
  const JsonAt at(all, file.string());
  for (size_t i = 0; i < at.size(); ++i) {
    const JsonAt p = at[i];
    const int trial = p.find("train_trial_index") ? static_cast<int>(p.at("train_trial_index").number()) : 0;
    Prediction prediction;
    if (const auto stats = p.find("stats")) prediction.stats = stats->object();
    prediction.mapped_output = string_or(p, "mapped_output");
    out[{p.at("instance_id").string(), trial, perturbation_name(p)}] = prediction;
  }
  return out;
}

ImportedPrompt request_prompt(const JsonAt& request) {
  ImportedPrompt prompt;
  if (const auto messages = request.find("messages"))
    if (messages->size() > 0) {
      if (!prompt_from_messages(messages->value(), prompt))
        messages->fail("expected a list of chat messages with role and content");
      return prompt;
    }
  return prompt_from_text(request.at("prompt").string());
}

// Whether `option` is a reference tagged "correct"; nullopt when the instance has no tags.
std::optional<double> correct(const JsonAt& instance, const std::string& option) {
  const auto references = instance.find("references");
  if (!references) return std::nullopt;
  bool tagged = false;
  for (const auto& ref : references->array()) {
    const bool is_correct = ref.contains("tags") && ref["tags"].is_array() &&
                            std::find(ref["tags"].begin(), ref["tags"].end(), "correct") != ref["tags"].end();
    tagged = tagged || is_correct;
    if (is_correct && ref.contains("output") && ref["output"].is_object() &&
        trim(ref["output"].value("text", std::string())) == trim(option))
      return 1.0;
  }
  return tagged ? std::optional<double>(0.0) : std::nullopt;
}

ToolScore choice_score(const std::string& option, const JsonAt& instance, json details) {
  ToolScore s;
  s.metric = "choice";
  s.extracted = trim(option);
  s.value = correct(instance, option);
  if (!s.value) details["unscored"] = "no reference is tagged correct";
  s.details = std::move(details);
  return s;
}

class HelmRun {
 public:
  HelmRun(const std::string& path, const ImportOptions& options, ImportBatch& batch)
      : dir_(fs::is_directory(path) ? fs::path(path) : fs::path(path).parent_path()),
        state_path_(fs::is_directory(path) ? (dir_ / "scenario_state.json").string() : path),
        options_(options), batch_(batch) {}

  void parse() {
    if (!fs::is_regular_file(state_path_))
      throw InputError(fmt::format("{}: no scenario_state.json; give a HELM run directory "
                                   "(benchmark_output/runs/SUITE/RUN)", dir_.string()));
    const json state = read_json_file(state_path_);
    const JsonAt root(state, state_path_);
    const JsonAt adapter = root.at("adapter_spec");
    method_ = string_or(adapter, "method", "generation");
    const auto model_field = adapter.find("model") ? adapter.at("model") : adapter.at("model_deployment");
    model_ = options_.model_name.empty() ? without_provider_prefix(model_field.string()) : options_.model_name;
    task_ = run_name();
    predictions_ = read_display_predictions(dir_);
    ToolImport sink(batch_, "helm", dir_.string(), state_path_);
    const JsonAt states = root.at("request_states");
    if (method_ == "language_modeling") {
      for (size_t i = 0; i < states.size(); ++i)
        sink.skip("language_modeling runs score a given text, so there is no answer to compare");
    } else if (method_.rfind("multiple_choice_separate", 0) == 0) {
      import_separate_choices(states, sink);
    } else {
      for (size_t i = 0; i < states.size(); ++i) import_completion(states[i], sink);
    }
    sink.finish("", {{"run", task_}, {"method", method_}, {"helm_model", model_field.string()}});
  }

 private:
  std::string run_name() const {
    const fs::path spec = dir_ / "run_spec.json";
    if (fs::is_regular_file(spec)) {
      const json s = read_json_file(spec.string());
      if (s.is_object() && s.contains("name") && s["name"].is_string()) return s["name"].get<std::string>();
    }
    return dir_.filename().string();
  }

  static int trial_of(const JsonAt& state) {
    const auto t = state.find("train_trial_index");
    return t ? static_cast<int>(t->number()) : 0;
  }

  static bool succeeded(const JsonAt& state) {
    const auto result = state.find("result");
    if (!result) return false;
    const auto success = result->find("success");
    return !success || success->value() == true;
  }

  ToolAnswer answer_for(const JsonAt& state, const JsonAt& instance) const {
    ToolAnswer a;
    a.model = model_;
    a.task = task_;
    a.item_data = {{"helm_instance_id", string_or(instance, "id")},
                   {"train_trial_index", trial_of(state)}};
    return a;
  }

  const Prediction* prediction_for(const JsonAt& state, const JsonAt& instance) const {
    const auto it = predictions_.find({string_or(instance, "id"), trial_of(state), perturbation_name(instance)});
    return it == predictions_.end() ? nullptr : &it->second;
  }

  std::vector<ToolScore> stat_scores(const Prediction* p, const std::string& extracted) const {
    std::vector<ToolScore> out;
    if (!p) return out;
    for (auto it = p->stats.begin(); it != p->stats.end(); ++it) {
      ToolScore s;
      s.metric = it.key();
      s.value = tool_score_value(it.value());
      if (is_verdict(s.value)) s.extracted = extracted;
      out.push_back(std::move(s));
    }
    return out;
  }

  void import_completion(const JsonAt& state, ToolImport& sink) {
    const JsonAt instance = state.at("instance");
    if (!succeeded(state)) return sink.skip("requests without a successful result");
    const JsonAt completions = state.at("result").at("completions");
    if (completions.size() == 0) return sink.skip("requests without a successful result");
    ToolAnswer a = answer_for(state, instance);
    a.prompt = request_prompt(state.at("request"));
    const std::string first = completions[0].at("text").string();
    const auto mapping = state.find("output_mapping");
    const Prediction* prediction = prediction_for(state, instance);
    std::string extracted = trim(first);
    if (mapping) {
      const json& m = mapping->object();
      if (m.contains(trim(first)) && m[trim(first)].is_string()) extracted = m[trim(first)].get<std::string>();
    }
    a.scores = stat_scores(prediction, extracted);
    if (mapping) a.scores.push_back(choice_score(extracted, instance, {{"completion", trim(first)}, {"output_mapping", mapping->value()}}));
    for (size_t k = 0; k < completions.size(); ++k) {
      a.text = completions[k].at("text").string();
      a.finish_reason = "imported";
      if (const auto reason = completions[k].find("finish_reason"))
        if (reason->value().is_object()) a.finish_reason = string_or(*reason, "reason", a.finish_reason);
      sink.add(a);
      a.scores.clear();  // the stats describe the first completion
    }
  }

  // One request per option: the option the model gives the highest log-probability.
  void import_separate_choices(const JsonAt& states, ToolImport& sink) {
    std::map<PredictionKey, std::vector<size_t>> groups;
    for (size_t i = 0; i < states.size(); ++i) {
      const JsonAt state = states[i];
      if (string_or(state, "request_mode") == "calibration") continue;
      const JsonAt instance = state.at("instance");
      groups[{string_or(instance, "id"), trial_of(state), perturbation_name(instance)}].push_back(i);
    }
    for (const auto& [key, members] : groups) {
      const JsonAt first = states[members.front()];
      const JsonAt instance = first.at("instance");
      const JsonAt references = instance.at("references");
      double best = -INFINITY;
      std::string option;
      json options = json::array(), logprobs = json::array();
      bool ok = true;
      for (size_t i : members) {
        const JsonAt state = states[i];
        if (!succeeded(state)) { ok = false; break; }
        const JsonAt completion = state.at("result").at("completions")[0];
        const double lp = completion.at("logprob").number();
        const std::string text =
            references[static_cast<size_t>(state.at("reference_index").number())].at("output").at("text").string();
        options.push_back(trim(text));
        logprobs.push_back(lp);
        if (lp > best) best = lp, option = text;
      }
      if (!ok) { sink.skip("requests without a successful result"); continue; }
      ToolAnswer a = answer_for(first, instance);
      a.prompt = prompt_from_text(instance.at("input").at("text").string());
      a.text = trim(option);
      a.finish_reason = "logprob";
      a.scores = stat_scores(prediction_for(first, instance), a.text);
      a.scores.push_back(choice_score(option, instance, {{"options", options}, {"logprobs", logprobs}}));
      sink.add(a);
    }
  }

  fs::path dir_;
  std::string state_path_;
  const ImportOptions& options_;
  ImportBatch& batch_;
  std::string method_, model_, task_;
  std::map<PredictionKey, Prediction> predictions_;
};

}  // namespace

void parse_helm_run(const std::string& path, const ImportOptions& options, ImportBatch& batch) {
  HelmRun(path, options, batch).parse();
}

}  // namespace ds::results
