// lm-evaluation-harness per-sample logs (`lm_eval --log_samples`): samples_<task>_<date>.jsonl,
// one document per line with doc_id, doc, target, arguments ({"gen_args_i": {"arg_0": context,
// "arg_1": continuation or generation kwargs}}), resps, filtered_resps (numbers written as
// strings), filter, metrics and one field per metric. Generative tasks give answers;
// multiple-choice (log-likelihood) tasks give the chosen option and the distribution over the
// options as an "lm-eval:choice" score; a document logged once per filter is one answer with
// each filter's metrics.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "core/errors.hpp"
#include "results/importers/json_at.hpp"
#include "results/importers/lm_eval_run.hpp"
#include "results/importers/tool_answers.hpp"
#include "results/layer.hpp"

namespace ds::results {

namespace {

constexpr const char* kNoAnswer = "[invalid]";

struct LmRequest {
  std::string context;
  std::optional<JsonAt> arg1;  // continuation (string) or generation kwargs (object)
};

// arg_0 is the prompt text; a chat-templated request logs it as a one-element list holding
// the JSON chat.
std::string context_text(const JsonAt& arg0) {
  if (arg0.value().is_array() && arg0.size() == 1) return arg0[0].string();
  return arg0.string();
}

std::vector<LmRequest> read_arguments(const JsonAt& line) {
  const JsonAt args = line.at("arguments");
  std::vector<LmRequest> out;
  if (args.value().is_array()) {  // the in-memory form: [[arg_0, arg_1], ...]
    for (size_t i = 0; i < args.size(); ++i) {
      const JsonAt request = args[i];
      LmRequest r{context_text(request[0]), std::nullopt};
      if (request.size() > 1 && !request.value()[1].is_null()) r.arg1 = request[1];
      out.push_back(std::move(r));
    }
  } else {
    args.object();
    for (size_t i = 0;; ++i) {
      const auto request = args.find(fmt::format("gen_args_{}", i));
      if (!request) break;
      out.push_back({context_text(request->at("arg_0")), request->find("arg_1")});
    }
  }
  if (out.empty()) args.fail("no request logged (expected gen_args_0)");
  return out;
}

std::string kind_of(const std::string& declared, const std::vector<LmRequest>& requests) {
  if (!declared.empty()) return declared;
  for (const auto& r : requests)
    if (r.arg1 && r.arg1->value().is_object()) return "generate_until";
  for (const auto& r : requests)
    if (!r.arg1 || !r.arg1->value().is_string()) return "loglikelihood_rolling";
  return requests.size() >= 2 ? "multiple_choice" : "loglikelihood";
}

std::string id_text(const JsonAt& id) {
  if (id.value().is_number_integer()) return std::to_string(id.value().get<long long>());
  return id.string();
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// The tool's per-document metrics, named "<metric>" or "<metric>,<filter>" as lm-eval names
// them in its results file.
std::vector<ToolScore> metric_scores(const JsonAt& line, const std::string& filter) {
  static const std::set<std::string> bookkeeping = {
      "doc_id", "doc",    "target",  "arguments", "resps",      "filtered_resps",
      "filter", "metrics", "doc_hash", "prompt_hash", "target_hash"};
  std::vector<std::string> names;
  if (const auto listed = line.find("metrics")) {
    for (size_t i = 0; i < listed->size(); ++i) names.push_back((*listed)[i].string());
  } else {
    for (auto it = line.value().begin(); it != line.value().end(); ++it)
      if (!bookkeeping.count(it.key()) && (it->is_number() || it->is_boolean()))
        names.push_back(it.key());
  }
  std::vector<ToolScore> out;
  for (const auto& name : names) {
    const auto field = line.find(name);
    if (!field) continue;
    ToolScore s;
    s.metric = filter == "none" ? name : name + "," + filter;
    s.value = tool_score_value(field->value());
    if (!s.value) {
      s.details["value"] = field->value();
      s.details["unscored"] = "the tool's value is not a number";
    }
    out.push_back(std::move(s));
  }
  return out;
}

// One choice per request: its label (the continuation, or "option N" when every request
// continues with the same text and only the contexts differ, as in Winogrande).
std::vector<std::string> choice_labels(const std::vector<LmRequest>& requests) {
  std::vector<std::string> labels;
  std::set<std::string> distinct;
  for (const auto& r : requests) {
    labels.push_back(trim(r.arg1->value().get<std::string>()));
    distinct.insert(labels.back());
  }
  if (distinct.size() < labels.size())
    for (size_t i = 0; i < labels.size(); ++i) labels[i] = fmt::format("option {}", i + 1);
  return labels;
}

double loglikelihood(const JsonAt& filtered) {
  // (log-likelihood, is-greedy), logged as ["-3.2", "False"]
  return filtered.value().is_array() ? filtered[0].number() : filtered.number();
}

std::optional<size_t> gold_index(const std::string& target, const std::vector<std::string>& labels) {
  char* end = nullptr;
  const long index = std::strtol(target.c_str(), &end, 10);
  if (!target.empty() && end == target.c_str() + target.size() && index >= 0 &&
      static_cast<size_t>(index) < labels.size())
    return static_cast<size_t>(index);
  const auto it = std::find(labels.begin(), labels.end(), trim(target));
  if (it != labels.end()) return static_cast<size_t>(it - labels.begin());
  return std::nullopt;
}

ToolScore choice_score(const std::vector<LmRequest>& requests, const JsonAt& filtered,
                       const std::string& target, std::string& chosen_label) {
  const auto labels = choice_labels(requests);
  std::vector<double> lls;
  for (size_t i = 0; i < requests.size(); ++i) lls.push_back(loglikelihood(filtered[i]));
  const size_t chosen = static_cast<size_t>(std::max_element(lls.begin(), lls.end()) - lls.begin());
  // acc_norm's choice: log-likelihood per byte of the continuation.
  size_t chosen_norm = 0;
  double best_norm = -INFINITY;
  for (size_t i = 0; i < lls.size(); ++i) {
    const double bytes = std::max<double>(1.0, static_cast<double>(requests[i].arg1->value().get<std::string>().size()));
    if (lls[i] / bytes > best_norm) best_norm = lls[i] / bytes, chosen_norm = i;
  }
  std::vector<double> distribution;
  double total = 0;
  for (double ll : lls) total += std::exp(ll - lls[chosen]);
  for (double ll : lls) distribution.push_back(std::exp(ll - lls[chosen]) / total);
  chosen_label = labels[chosen];
  ToolScore s;
  s.metric = "choice";
  s.extracted = labels[chosen];
  s.details = {{"choices", labels},
               {"loglikelihoods", lls},
               {"distribution", distribution},
               {"chosen_by_acc_norm", labels[chosen_norm]}};
  const auto gold = gold_index(target, labels);
  if (gold) {
    s.value = *gold == chosen ? 1.0 : 0.0;
    s.details["gold"] = labels[*gold];
  } else {
    s.details["unscored"] = "the target names no option";
  }
  return s;
}

struct DocAnswer {
  size_t record = 0;
};

class LmEvalFile {
 public:
  LmEvalFile(const std::string& path, const ImportOptions& options, ImportBatch& batch)
      : path_(path), run_(read_lm_eval_run(path, options)),
        task_(parse_samples_name(path).task), sink_(batch, "lm-eval", path, path) {}

  void parse() {
    std::ifstream in(path_);
    if (!in) throw InputError(fmt::format("{}: cannot read the samples file", path_));
    std::string text;
    size_t number = 0;
    while (std::getline(in, text)) {
      ++number;
      if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
      const json value = parse_json_line(text, path_, number);
      const JsonAt line(value, fmt::format("{}:{}", path_, number));
      line.object();
      parse_line(line);
    }
    sink_.finish(run_.version, {{"task", task_}, {"results_file", run_.results_path}});
  }

 private:
  void parse_line(const JsonAt& line) {
    const std::string doc_id = id_text(line.at("doc_id"));
    const std::string filter = string_or(line, "filter", "none");
    const std::string target = line.find("target") ? target_text(line.at("target")) : "";
    const auto requests = read_arguments(line);
    const std::string kind = kind_of(run_.output_type(task_), requests);
    auto scores = metric_scores(line, filter);
    const auto seen = docs_.find(doc_id);
    if (kind == "generate_until") {
      const JsonAt filtered = line.at("filtered_resps")[0];
      const std::string extracted =
          filtered.value().is_string() ? filtered.string() : filtered.value().dump();
      for (auto& s : scores) {
        s.details["filtered"] = extracted;
        s.details["target"] = target;
        // "[invalid]" is the filters' mark for "no answer found", not an answer two models share.
        if (is_verdict(s.value) && extracted != kNoAnswer) s.extracted = extracted;
      }
      const JsonAt generations = line.at("resps")[0];
      if (generations.size() == 0) generations.fail("no generation logged");
      for (size_t k = 0; k < generations.size(); ++k) generations[k].string();
      if (seen != docs_.end()) return add_scores(seen->second.record, scores);
      ToolAnswer a = base_answer(requests[0].context, doc_id, target);
      for (size_t k = 0; k < generations.size(); ++k) {
        a.text = generations[k].string();
        a.sample = static_cast<int>(k);
        a.scores = k == 0 ? scores : std::vector<ToolScore>{};
        const size_t record = sink_.add(a);
        if (k == 0) docs_[doc_id] = {record};
      }
    } else if (kind == "multiple_choice") {
      for (const auto& r : requests)
        if (!r.arg1 || !r.arg1->value().is_string())
          line.at("arguments").fail("a multiple-choice request needs a continuation (arg_1)");
      std::string chosen;
      const ToolScore choice = choice_score(requests, line.at("filtered_resps"), target, chosen);
      if (seen != docs_.end()) return add_scores(seen->second.record, scores);
      ToolAnswer a = base_answer(mc_prompt(requests), doc_id, target);
      a.text = chosen;
      a.finish_reason = "loglikelihood";
      a.scores = scores;
      a.scores.push_back(choice);
      docs_[doc_id] = {sink_.add(a)};
    } else {
      sink_.skip(fmt::format("task {}: {} scores a given text, so there is no answer to compare",
                             task_, kind));
    }
  }

  static std::string target_text(const JsonAt& target) {
    return target.value().is_string() ? target.string() : target.value().dump();
  }

  // The contexts of a multiple-choice document: one shared context, or (when each option has
  // its own, as in Winogrande) all of them in order.
  static std::string mc_prompt(const std::vector<LmRequest>& requests) {
    std::string out = requests[0].context;
    for (size_t i = 1; i < requests.size(); ++i)
      if (requests[i].context != requests[0].context) {
        out.clear();
        for (const auto& r : requests) out += (out.empty() ? "" : "\n") + r.context;
        break;
      }
    return out;
  }

  ToolAnswer base_answer(const std::string& context, const std::string& doc_id,
                         const std::string& target) const {
    ToolAnswer a;
    a.model = run_.model;
    a.prompt = prompt_from_text(context);
    a.task = task_;
    a.item_data = {{"target", target}, {"lm_eval_doc_id", doc_id}};
    return a;
  }

  void add_scores(size_t record, const std::vector<ToolScore>& scores) {
    for (const auto& s : scores) sink_.add_score(record, s);
  }

  std::string path_;
  LmEvalRun run_;
  std::string task_;
  ToolImport sink_;
  std::map<std::string, DocAnswer> docs_;
};

}  // namespace

void parse_lm_eval_file(const std::string& path, const ImportOptions& options,
                        ImportBatch& batch) {
  LmEvalFile(path, options, batch).parse();
}

}  // namespace ds::results
