#include "results/record.hpp"

#include <fmt/format.h>

#include "core/errors.hpp"
#include "results/layer.hpp"

namespace ds::results {

json record_to_json(const Record& r) {
  json out = {{"run_id", r.run_id},   {"model", r.model},
              {"suite", r.suite},     {"item_id", r.item_id},
              {"sample", r.sample},   {"request_hash", r.request_hash},
              {"text", r.text},       {"finish_reason", r.finish_reason},
              {"usage", r.usage},     {"latency_ms", r.latency_ms},
              {"error", r.error.empty() ? json(nullptr) : json(r.error)},
              {"score", r.score ? json(*r.score) : json(nullptr)}};
  if (r.ttft_ms) out["ttft_ms"] = *r.ttft_ms;
  if (r.logprobs) out["logprobs"] = *r.logprobs;
  return out;
}

namespace {

std::string required_string(const json& v, const char* field, const std::string& where) {
  if (!v.contains(field)) throw InputError(fmt::format("{}: missing field '{}'", where, field));
  if (!v[field].is_string())
    throw InputError(fmt::format("{}: field '{}' must be a string", where, field));
  return v[field].get<std::string>();
}

std::string optional_string(const json& v, const char* field, const std::string& where) {
  if (!v.contains(field) || v[field].is_null()) return {};
  if (!v[field].is_string())
    throw InputError(fmt::format("{}: field '{}' must be a string or null", where, field));
  return v[field].get<std::string>();
}

}  // namespace

Record record_from_json(const json& v, const std::string& where) {
  if (!v.is_object()) throw InputError(fmt::format("{}: a record must be a JSON object", where));
  Record r;
  r.model = required_string(v, "model", where);
  r.suite = required_string(v, "suite", where);
  r.item_id = required_string(v, "item_id", where);
  r.text = optional_string(v, "text", where);
  r.run_id = optional_string(v, "run_id", where);
  r.request_hash = optional_string(v, "request_hash", where);
  r.finish_reason = optional_string(v, "finish_reason", where);
  r.error = optional_string(v, "error", where);
  if (v.contains("sample") && !v["sample"].is_null()) {
    // Range-checked as 64 bits first: 4294967297 must not wrap to 1.
    const json& sample = v["sample"];
    const bool in_range = sample.is_number_unsigned() ? sample.get<uint64_t>() <= 1'000'000
                                                      : sample.is_number_integer() && sample.get<int64_t>() >= 0 &&
                                                            sample.get<int64_t>() <= 1'000'000;
    if (!in_range)
      throw InputError(fmt::format("{}: field 'sample' must be an integer from 0 to 1000000", where));
    r.sample = sample.get<int>();
  }
  if (v.contains("usage") && !v["usage"].is_null()) {
    if (!v["usage"].is_object())
      throw InputError(fmt::format("{}: field 'usage' must be an object", where));
    r.usage = v["usage"];
  }
  if (v.contains("latency_ms") && !v["latency_ms"].is_null()) {
    if (!v["latency_ms"].is_number())
      throw InputError(fmt::format("{}: field 'latency_ms' must be a number", where));
    r.latency_ms = v["latency_ms"].get<double>();
  }
  if (v.contains("ttft_ms") && !v["ttft_ms"].is_null()) {
    if (!v["ttft_ms"].is_number())
      throw InputError(fmt::format("{}: field 'ttft_ms' must be a number or null", where));
    r.ttft_ms = v["ttft_ms"].get<double>();
  }
  if (v.contains("score") && !v["score"].is_null()) {
    if (!v["score"].is_number())
      throw InputError(fmt::format("{}: field 'score' must be a number or null", where));
    r.score = v["score"].get<double>();
  }
  if (v.contains("logprobs") && !v["logprobs"].is_null()) {
    if (!v["logprobs"].is_object())
      throw InputError(fmt::format("{}: field 'logprobs' must be an object or null", where));
    r.logprobs = v["logprobs"];
  }
  if (r.error.empty() && !v.contains("text"))
    throw InputError(fmt::format("{}: missing field 'text' (needed when 'error' is null)", where));
  return r;
}

}  // namespace ds::results
