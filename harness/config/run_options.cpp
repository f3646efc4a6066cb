#include "harness/layer.hpp"
#include "harness/config/run_options.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/errors.hpp"
#include "core/utf8.hpp"
#include "core/json_bounded.hpp"
#include "harness/endpoints/extra_headers.hpp"

namespace ds::harness {

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

// Ways to reach a RunConfig member, so most table entries are one line.
struct Binding {
  std::function<void(RunConfig&, const json&)> set;
  std::function<json(const RunConfig&)> get;
};

template <typename T>
Binding member(T RunConfig::*m) {
  return {[m](RunConfig& c, const json& v) { c.*m = v.get<T>(); },
          [m](const RunConfig& c) { return json(c.*m); }};
}

template <typename T>
Binding param(std::optional<T> GenParams::*m) {
  return {[m](RunConfig& c, const json& v) { c.params.*m = v.get<T>(); },
          [m](const RunConfig& c) { return c.params.*m ? json(*(c.params.*m)) : json(nullptr); }};
}

RunOption make(std::string field, std::string flags, std::string help, OptionType type, Binding b) {
  RunOption o;
  o.field = std::move(field);
  o.flags = std::move(flags);
  o.help = std::move(help);
  o.type = type;
  o.set = std::move(b.set);
  o.get = std::move(b.get);
  return o;
}

RunOption integer(std::string field, std::string flags, std::string help, int64_t lo, int64_t hi, Binding b) {
  RunOption o = make(std::move(field), std::move(flags), std::move(help), OptionType::integer, std::move(b));
  o.int_min = lo;
  o.int_max = hi;
  return o;
}

RunOption number(std::string field, std::string flags, std::string help, double lo, double hi, Binding b) {
  RunOption o = make(std::move(field), std::move(flags), std::move(help), OptionType::number, std::move(b));
  o.min = lo;
  o.max = hi;
  return o;
}

RunOption with_unset(RunOption o, std::string unset_means) {
  o.unset_means = std::move(unset_means);
  return o;
}

std::vector<RunOption> build_table() {
  using T = OptionType;
  std::vector<RunOption> t;
  t.push_back(make("models", "--model,-m", "model spec PROVIDER:MODEL[@BASE_URL] (repeatable)", T::text_list,
                   member(&RunConfig::models)));
  t.push_back(with_unset(make("reference", "--reference", "reference model to test the others against after the run",
                              T::text, member(&RunConfig::reference)), "none"));
  t.push_back(make("suites", "--suite,-s", "suite name or .jsonl file (repeatable); 'all' = every built-in suite",
                   T::text_list, member(&RunConfig::suites)));
  t.push_back(integer("samples", "--samples,-n", "samples per item (separate requests where the API has no n)",
                      1, 100'000, member(&RunConfig::samples)));
  t.push_back(with_unset(
      integer("limit", "--limit", "at most this many items per suite", 1, 10'000'000,
              {[](RunConfig& c, const json& v) { c.limit = v.get<int>(); },
               [](const RunConfig& c) { return c.limit ? json(*c.limit) : json(nullptr); }}),
      "every item"));
  t.push_back(with_unset(
      integer("seed", "--seed", "sampling seed sent to the endpoint (sample k gets seed + k) and seed of generated suites",
              0, kInt64Max,
              {[](RunConfig& c, const json& v) {
                 c.params.seed = v.get<int64_t>();
                 c.generator_seed = v.get<uint64_t>();
               },
               [](const RunConfig& c) { return c.params.seed ? json(*c.params.seed) : json(nullptr); }}),
      "none"));
  t.push_back(with_unset(number("temperature", "--temperature", "sampling temperature", 0, 10,
                                param(&GenParams::temperature)), "the endpoint's"));
  t.push_back(with_unset(number("top_p", "--top-p", "nucleus sampling probability", 0, 1, param(&GenParams::top_p)),
                         "the endpoint's"));
  t.push_back(with_unset(integer("max_tokens", "--max-tokens", "completion token limit", 1, 10'000'000,
                                 param(&GenParams::max_tokens)), "the endpoint's"));
  t.push_back(make("stop", "--stop", "stop sequence (repeatable)", T::text_list,
                   {[](RunConfig& c, const json& v) { c.params.stop = v.get<std::vector<std::string>>(); },
                    [](const RunConfig& c) { return json(c.params.stop); }}));
  t.push_back(make("logprobs", "--logprobs", "ask for token log-probabilities where offered", T::boolean,
                   {[](RunConfig& c, const json& v) { c.params.logprobs = v.get<bool>(); },
                    [](const RunConfig& c) { return json(c.params.logprobs); }}));
  t.push_back(with_unset(integer("top_logprobs", "--top-logprobs", "alternatives per token with logprobs", 0, 100,
                                 param(&GenParams::top_logprobs)), "none"));
  t.push_back(with_unset(make("system", "--system", "system prompt for items without their own", T::text,
                              member(&RunConfig::system)), "none"));
  t.push_back(integer("concurrency", "--concurrency,-c", "requests in flight per endpoint", 1, 10'000,
                      member(&RunConfig::concurrency)));
  t.push_back(number("requests_per_minute", "--requests-per-minute", "token-bucket request limit (0 = none)", 0,
                     1e9, member(&RunConfig::requests_per_minute)));
  t.push_back(number("tokens_per_minute", "--tokens-per-minute", "token-bucket token limit (0 = none)", 0, 1e12,
                     member(&RunConfig::tokens_per_minute)));
  t.push_back(integer("max_retries", "--max-retries", "retries before an item is recorded as failed", 0, 1000,
                      member(&RunConfig::max_retries)));
  t.push_back(number("timeout", "--timeout", "per-request timeout in seconds", 0.001, 86'400,
                     member(&RunConfig::timeout_seconds)));
  t.push_back(integer("max_response_bytes", "--max-response-bytes", "larger responses are failed attempts", 1024,
                      1ll << 30, member(&RunConfig::max_response_bytes)));
  t.push_back(make("db", "--db", "results store (DISTILLSCOPE_DB overrides the file)", T::text, member(&RunConfig::db)));
  t.push_back(with_unset(make("cache", "--cache", "cache file (DISTILLSCOPE_CACHE overrides the file)", T::text,
                              member(&RunConfig::cache)), ".distillscope-cache.db beside the store"));
  t.push_back(make("no_cache", "--no-cache", "neither read nor write the cache", T::boolean,
                   member(&RunConfig::no_cache)));
  t.push_back(make("refresh", "--refresh", "ask again even where an answer is cached or stored", T::boolean,
                   member(&RunConfig::refresh)));
  t.push_back(make("allow_insufficient", "--allow-insufficient",
                   "the 'distilled' gate passes when the evidence is insufficient", T::boolean,
                   member(&RunConfig::allow_insufficient)));
  t.push_back(with_unset(make("jsonl", "--jsonl",
                              "append one record per response of this run, with its score, to this file "
                              "(after scoring)",
                              T::text, member(&RunConfig::jsonl)),
                         "none"));
  RunOption shard = make("shard", "--shard", "run a deterministic 1/N of the work", T::text,
                         {[](RunConfig& c, const json& v) { c.shard = parse_shard(v.get<std::string>()); },
                          [](const RunConfig& c) { return json(fmt::format("{}/{}", c.shard.index, c.shard.count)); }});
  shard.metavar = "K/N";
  shard.validate = [](const json& v) -> std::string {
    try {
      parse_shard(v.get<std::string>());
      return "";
    } catch (const InputError& e) {
      return e.what();
    }
  };
  t.push_back(std::move(shard));
  t.push_back(with_unset(make("judge", "--judge", "judge model spec for free-response items", T::text,
                              member(&RunConfig::judge)), "none: those items stay unscored"));
  t.push_back(with_unset(make("api_key_env", "--api-key-env", "environment variable holding the API key", T::text,
                              member(&RunConfig::api_key_env)), "OPENAI_API_KEY / ANTHROPIC_API_KEY"));
  RunOption progress = make("progress", "--no-progress", "progress lines on stderr", T::boolean,
                            member(&RunConfig::progress));
  progress.flag_turns_off = true;
  t.push_back(std::move(progress));
  t.push_back(make("fail_on", "--fail-on", "CI gate, exit 1 when it fails: 'SUITE<X' (mean score) or 'distilled' (repeatable)",
                   T::text_list, member(&RunConfig::fail_on)));
  t.push_back(make("stream", "--stream",
                   "ask for streamed answers (server-sent events), for endpoints that only stream; records time to first token",
                   T::boolean, member(&RunConfig::stream)));
  t.push_back(with_unset(make("as", "--as",
                              "store the k-th model under the k-th name (repeatable): one endpoint's answers kept apart from another's",
                              T::text_list, member(&RunConfig::as)), "the spec's model name"));
  RunOption headers = make("headers", "--header",
                           "extra request header 'Name: value' for a gateway (repeatable); 'Name: $VAR' reads the "
                           "value from that environment variable",
                           T::text_list, member(&RunConfig::headers));
  headers.validate = [](const json& v) -> std::string {
    for (const auto& h : v) {
      if (!h.is_string()) return "expected a list of 'Name: value' strings";
      if (std::string why = extra_header_problem(h.get<std::string>()); !why.empty()) return why;
    }
    return "";
  };
  t.push_back(std::move(headers));
  return t;
}

[[noreturn]] void bad(const std::string& where, const std::string& why) {
  throw InputError(fmt::format("{}: {}", where, why));
}

// A number as it appears in a message: short, whatever its size.
std::string shown(const json& v) {
  if (v.is_number_float()) return fmt::format("{:g}", v.get<double>());
  return excerpt_for_message(dump_json(v), 40);
}

json checked_integer(const RunOption& o, const json& v, const std::string& where) {
  const std::string range = fmt::format("must be an integer from {} to {}", o.int_min, o.int_max);
  bool integral = v.is_number_integer();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    integral = std::isfinite(d) && d == std::floor(d);
    if (integral && (d < static_cast<double>(o.int_min) || d > static_cast<double>(o.int_max)))
      bad(where, fmt::format("{} is out of range: {}", shown(v), range));
  }
  if (!integral) bad(where, range);
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(o.int_max))
    bad(where, fmt::format("{} is out of range: {}", shown(v), range));
  if (v.is_number_float()) return json(static_cast<int64_t>(v.get<double>()));
  const int64_t i = v.is_number_unsigned() ? static_cast<int64_t>(v.get<uint64_t>()) : v.get<int64_t>();
  if (i < o.int_min || i > o.int_max) bad(where, fmt::format("{} is out of range: {}", i, range));
  return json(i);
}

json checked_number(const RunOption& o, const json& v, const std::string& where) {
  const std::string range = fmt::format("must be a number from {:g} to {:g}", o.min, o.max);
  if (!v.is_number()) bad(where, range);
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < o.min || d > o.max) bad(where, fmt::format("{} is out of range: {}", shown(v), range));
  return json(d);
}

json checked(const RunOption& o, const json& v, const std::string& where) {
  switch (o.type) {
    case OptionType::integer:
      return checked_integer(o, v, where);
    case OptionType::number:
      return checked_number(o, v, where);
    case OptionType::boolean:
      if (!v.is_boolean()) bad(where, "must be true or false");
      return v;
    case OptionType::text:
      if (!v.is_string()) bad(where, "must be a string");
      return v;
    case OptionType::text_list: {
      if (v.is_string()) return json::array({v});
      if (!v.is_array()) bad(where, "must be a list of strings");
      for (const auto& e : v)
        if (!e.is_string()) bad(where, "must be a list of strings");
      return v;
    }
  }
  return v;
}

}  // namespace

const std::vector<RunOption>& run_options() {
  static const std::vector<RunOption> table = build_table();
  return table;
}

const RunOption* find_run_option(std::string_view field) {
  for (const auto& o : run_options())
    if (o.field == field) return &o;
  return nullptr;
}

void apply_run_option(RunConfig& config, const RunOption& option, const json& value,
                      const std::string& where) {
  const json v = checked(option, value, where);
  if (option.validate)
    if (const std::string why = option.validate(v); !why.empty()) bad(where, why);
  option.set(config, v);
}

json run_option_value_from_text(const RunOption& option, const std::vector<std::string>& texts,
                                const std::string& flag) {
  if (option.type == OptionType::text_list) return json(texts);
  const std::string text = texts.empty() ? std::string() : texts.back();
  const std::string quoted = "'" + excerpt_for_message(text, 40) + "'";
  switch (option.type) {
    case OptionType::integer: {
      int64_t i = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
      if (ec == std::errc::result_out_of_range)
        bad(flag, fmt::format("{} is out of range: must be an integer from {} to {}", quoted, option.int_min,
                              option.int_max));
      if (ec != std::errc() || end != text.data() + text.size())
        bad(flag, fmt::format("{} is not an integer (from {} to {})", quoted, option.int_min, option.int_max));
      return json(i);
    }
    case OptionType::number: {
      char* end = nullptr;
      errno = 0;
      const double d = std::strtod(text.c_str(), &end);
      if (text.empty() || end != text.c_str() + text.size())
        bad(flag, fmt::format("{} is not a number", quoted));
      if (!std::isfinite(d) || errno == ERANGE)
        bad(flag, fmt::format("{} is out of range: must be a number from {:g} to {:g}", quoted, option.min,
                              option.max));
      return json(d);
    }
    case OptionType::boolean:
      return json(!option.flag_turns_off);
    default:
      return json(text);
  }
}

std::string run_option_type_text(const RunOption& option) {
  switch (option.type) {
    case OptionType::integer:
      // No upper bound worth reading: a 19-digit maximum only pushes the help out of line.
      if (option.int_max == kInt64Max) return fmt::format("integer >= {}", option.int_min);
      return fmt::format("integer {}..{}", option.int_min, option.int_max);
    case OptionType::number:
      return fmt::format("number {:g}..{:g}", option.min, option.max);
    case OptionType::boolean:
      return "true or false";
    case OptionType::text_list:
      return "list of strings";
    case OptionType::text:
      return option.metavar.empty() ? "string" : "string " + option.metavar;
  }
  return "";
}

std::string run_option_default_text(const RunOption& option) {
  const json v = option.get(RunConfig{});
  const bool empty = v.is_null() || (v.is_string() && v.get<std::string>().empty()) ||
                     (v.is_array() && v.empty());
  if (empty) return option.unset_means;
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : ",") + e.get<std::string>();
    return out;
  }
  if (v.is_number_float()) return fmt::format("{:g}", v.get<double>());
  return dump_json(v);
}

}  // namespace ds::harness
