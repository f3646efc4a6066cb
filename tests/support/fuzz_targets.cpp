#include "tests/support/fuzz_targets.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "harness/config/run_config.hpp"
#include "harness/config/run_options.hpp"
#include "harness/config/yaml_fields.hpp"
#include "core/errors.hpp"
#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "core/secrets.hpp"
#include "core/utf8.hpp"
#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/sse_parser.hpp"
#include "harness/endpoints/stream_reply.hpp"
#include "harness/server/wire_anthropic.hpp"
#include "harness/server/wire_openai.hpp"
#include "results/importers/import_batch.hpp"
#include "results/record.hpp"
#include "scorers/judge/judge.hpp"
#include "scorers/math/math_answer.hpp"
#include "scorers/philosophy/choice.hpp"
#include "scorers/probes/probe_fingerprint.hpp"
#include "tasks/suite.hpp"
#include "core/json_bounded.hpp"
#include "tests/support/zip_writer.hpp"

namespace ds::test {

using namespace ds::harness;  // every layer's parsers

namespace {

void require(bool ok, const std::string& what) {
  if (!ok) throw FuzzFailure(what);
}

// Scratch files for the parsers that read files: one directory per process, removed at exit.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    path = (std::filesystem::temp_directory_path() / ("ds-fuzz-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

std::string scratch(const std::string& name) {
  static const ScratchDir dir;
  return dir.path + "/" + name;
}

std::string written(const std::string& name, std::string_view input) {
  const std::string path = scratch(name);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(input.data(), static_cast<long>(input.size()));
  return path;
}

void fuzz_json(std::string_view input) {
  const JsonParse parsed = try_parse_json(input, {1u << 20, 32, 100'000});
  if (!parsed.ok()) {
    require(parsed.error.size() < 400, "JSON error message too long");
    return;
  }
  const std::string dumped = dump_json(parsed.value);
  require(utf8_valid(dumped), "dump is not UTF-8");
  const JsonParse again = try_parse_json(dumped, {2u << 20, 32, 100'000});
  require(again.ok() && again.value == parsed.value, "dump does not parse back to the same value");
}

void fuzz_yaml_config(std::string_view input) {
  try {
    read_yaml_fields(written("c.yaml", input));
  } catch (const InputError& e) {
    require(std::string_view(e.what()).size() < 600, "YAML error message too long");
  }
  RunConfig config;
  try {
    load_run_config_file(written("c.yaml", input), config);
  } catch (const InputError&) {
  }
}

void fuzz_json_config(std::string_view input) {
  RunConfig config;
  try {
    load_run_config_file(written("c.json", input), config);
  } catch (const InputError& e) {
    require(std::string_view(e.what()).size() < 1000, "config error message too long");
  }
}

void fuzz_flag_values(std::string_view input) {
  const std::string text(input);
  for (const auto& option : run_options()) {
    RunConfig config;
    try {
      apply_run_option(config, option, run_option_value_from_text(option, {text}, "--flag"), "--flag");
    } catch (const InputError& e) {
      require(std::string_view(e.what()).size() < 300, "flag error message too long");
    }
  }
  try {
    parse_model_spec(text);
  } catch (const InputError&) {
  }
}

void fuzz_model_text(std::string_view input) {
  const std::string text(input);
  extract_math_answer(text);
  read_math_number(text);
  parse_choice(text, {"switch", "don't switch", "A"});
  for (const char* probe : {"identity", "cutoff", "refusal", "choice"})
    score_probe({{"probe", probe}, {"choice_kind", "number"}}, text);
  const auto judged = parse_judge_score(text);
  require(!judged || (*judged >= 0 && *judged <= 1), "judge score outside [0, 1]");
}

void fuzz_utf8_and_redaction(std::string_view input) {
  require(utf8_valid(utf8_sanitize(input)), "sanitized text is not UTF-8");
  for (size_t cut : {size_t{0}, size_t{1}, input.size() / 2, input.size()})
    require(utf8_prefix(input, cut).size() <= cut, "prefix longer than the cut");
  if (utf8_valid(input)) {
    for (size_t cut = 0; cut <= std::min<size_t>(input.size(), 64); ++cut)
      require(utf8_valid(utf8_prefix(input, cut)), "a prefix of valid text is invalid");
  }
  const std::string key = "sk-ant-api03-Fuzz1ngK3y0123456789";
  std::string text = std::string(input) + key.substr(7);
  redact_secret(text, key);
  for (size_t i = 0; i + 8 <= key.size(); ++i)
    require(text.find(key.substr(i, 8)) == std::string::npos, "a key piece survived redaction");
}

void fuzz_server_requests(std::string_view input) {
  for (const auto parse : {&server::openai::parse_request, &server::anthropic::parse_request}) {
    try {
      parse(std::string(input));
    } catch (const server::WireError& e) {
      require(e.status == 400, "a malformed request is not a 400");
    }
  }
}

void fuzz_endpoint_replies(std::string_view input) {
  for (const char* spec : {"openai:m@http://127.0.0.1:1/v1", "anthropic:m@http://127.0.0.1:1/v1"}) {
    for (long status : {200L, 429L, 500L}) {
      const Response r = parse_http_reply(parse_model_spec(spec), {status, {}, std::string(input)});
      require(r.ok() || !r.error.empty(), "a failed reply without a reason");
      require(r.error.size() < 2000, "reply error message too long");
    }
  }
}

void fuzz_import_and_suite_lines(std::string_view input) {
  json value;
  try {
    value = parse_json_line(std::string(input), "f.jsonl", 1, json_limits::kImport);
  } catch (const InputError&) {
    return;
  }
  try {
    record_from_json(value, "f.jsonl:1");
  } catch (const InputError&) {
  }
  try {
    parse_suite_item(value, "s.jsonl:1");
  } catch (const InputError&) {
  }
}

// A streamed reply: the bytes cut into pieces of every few sizes (events come out whole
// whatever the cuts), then read as both providers' streams.
void fuzz_stream_events(std::string_view input) {
  for (const size_t step : {size_t{1}, size_t{7}, size_t{4096}}) {
    for (const Provider provider : {Provider::OpenAI, Provider::Anthropic}) {
      SseParser parser;
      StreamReply reply(provider);
      for (size_t i = 0; i < input.size(); i += step)
        for (const auto& event : parser.feed(input.substr(i, step))) reply.add(event);
      const Response r = reply.finish();
      require(r.ok() || !r.error.empty(), "a failed stream without a reason");
      require(r.error.size() < 2000, "stream error message too long");
      require(utf8_valid(r.error), "stream error is not UTF-8");
    }
  }
}

// An Inspect .eval archive whose sample member (and, in a second archive, header) is the
// input: read through the zip limits and the bounded JSON reader, never a crash.
void fuzz_archive_members(std::string_view input) {
  const std::string header = R"({"version":2,"eval":{"task":"t","model":"openai/m"}})";
  const std::string path = scratch("a.eval");
  for (const bool as_header : {false, true}) {
    write_zip(path, {{"header.json", as_header ? std::string(input) : header},
                     {"samples/1_epoch_1.json", std::string(input)}});
    ImportBatch batch;
    try {
      parse_inspect_file(path, {.format = "inspect"}, batch);
    } catch (const InputError& e) {
      require(std::string_view(e.what()).size() < 2000, "archive error message too long");
      require(std::string_view(e.what()).find(path) != std::string_view::npos, "archive error names no file");
    }
  }
}

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::vector<FuzzTarget> build_targets() {
  const std::string chat =
      R"({"model":"m","max_tokens":5,"messages":[{"role":"system","content":"S"},{"role":"user","content":[{"type":"text","text":"Hi"}]}],"stop":["x"],"seed":3,"logprobs":true,"top_logprobs":2})";
  const std::string reply =
      R"({"choices":[{"message":{"content":"x"},"finish_reason":"stop","logprobs":{"content":[{"token":"x","logprob":-0.1}]}}],"usage":{"prompt_tokens":3,"completion_tokens":1}})";
  const std::string anthropic_reply =
      R"({"type":"message","content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2}})";
  return {
      {"json", fuzz_json, {R"({"a":[1,2.5,-3e2,true,null,"s\u00e9"],"b":{"c":{}}})", nested(30), "1e999"}},
      {"yaml_config", fuzz_yaml_config,
       {"models: [openai:a@http://127.0.0.1:1/v1]\nsamples: 3\ntemperature: 0.7\nshard: 2/4\n",
        "a: &a [x]\nb: *a\n", "suites:\n  - math\n  - coding\nfail_on: ['math<0.5']\n"}},
      {"json_config", fuzz_json_config, {R"({"samples": 3, "timeout": 1.5, "models": ["openai:m"], "shard": "1/2"})"}},
      {"flag_values", fuzz_flag_values, {"3", "0.5", "1/2", "1e17", "openai:m@http://x"}},
      {"model_text", fuzz_model_text,
       {"The answer is \\boxed{\\frac{3}{4}}.", "Choice: switch\nbecause", "Score: 7/10 [[8]]",
        "I was created by Orchard Labs in May 2023.", "Answer: -1,234.5 / 2"}},
      {"utf8", fuzz_utf8_and_redaction, {"plain", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\xff\xfe\xed\xa0\x80"}},
      {"server_requests", fuzz_server_requests, {chat, R"({"model":"m","messages":[{"role":"user","content":"x"}]})"}},
      {"endpoint_replies", fuzz_endpoint_replies,
       {reply, anthropic_reply, R"({"error":{"type":"rate_limit","message":"slow"}})"}},
      {"stream_events", fuzz_stream_events,
       {std::string("data: ") + R"({"choices":[{"delta":{"content":"Hi"},"finish_reason":null}]})" + "\n\n" +
            "data: " + R"({"choices":[{"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}})" +
            "\n\ndata: [DONE]\n\n",
        "event: message_start\ndata: " + std::string(R"({"type":"message_start","message":{"usage":{"input_tokens":1}}})") +
            "\n\nevent: content_block_delta\ndata: " +
            R"({"type":"content_block_delta","delta":{"type":"text_delta","text":"caf\u00e9"}})" +
            "\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        "data: " + nested(40) + "\n\n"}},
      {"archive_members", fuzz_archive_members,
       {R"({"id":1,"epoch":1,"input":"What is 2 + 2?","target":"4","output":{"completion":"4","choices":[]},"scores":{"match":{"value":"C","answer":"4"}}})",
        R"({"id":2,"epoch":1,"messages":[{"role":"user","content":"Hi"},{"role":"assistant","source":"generate","content":"Hello"}],"input":"Hi","output":{"choices":[{"message":{"content":[{"type":"text","text":"Hello"}]},"stop_reason":"stop"}]}})",
        nested(40)}},
      {"import_and_suite_lines", fuzz_import_and_suite_lines,
       {R"({"model":"m","suite":"math","item_id":"i","sample":0,"text":"t","usage":{"prompt_tokens":1}})",
        R"({"id":"x","suite":"math","prompt":"p","answer":"4"})"}},
  };
}

// Inputs likely to break parsers, spliced in by the mutator.
const std::vector<std::string>& tokens() {
  static const std::vector<std::string> t = {
      "[", "{", "]", "}", "\"", "\\", ":", ",", "1e999", "-", "9999999999999999999999", "\xff", "\xe2\x82", "\xc0\xaf",
      "*a", "&a ", "? ", "- ", "\n", "\r\n", "\t", "\\frac{", "\\boxed{", "Choice:", "answer is", "Score:", "/10",
      "created by ", "[[", "]]", "\xe2\x80\x99", "\"type\":7", "null", "true", "0", "-0", "1.", ".5", "\x00"};
  return t;
}

std::string mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  const auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
  const size_t steps = 1 + pick(8);
  for (size_t i = 0; i < steps; ++i) {
    const size_t at = pick(s.size() + 1);
    switch (pick(8)) {
      case 0:  // flip a bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1:  // a random byte
        s.insert(at, 1, static_cast<char>(pick(256)));
        break;
      case 2:  // delete a range
        s.erase(at, pick(16));
        break;
      case 3:  // duplicate a range
        if (!s.empty()) s.insert(at, s.substr(pick(s.size()), pick(64)));
        break;
      case 4:  // an interesting token
        s.insert(at, tokens()[pick(tokens().size())]);
        break;
      case 5:  // a long run: digits, spaces, brackets...
        s.insert(at, 1000 + pick(50'000), "0 [{-\n*"[pick(7)]);
        break;
      case 6:  // splice another seed
        s.insert(at, seeds[pick(seeds.size())]);
        break;
      default:  // truncate
        s.resize(at);
        break;
    }
  }
  if (s.size() > (1u << 20)) s.resize(1u << 20);
  return s;
}

}  // namespace

const std::vector<FuzzTarget>& fuzz_targets() {
  static const std::vector<FuzzTarget> targets = build_targets();
  return targets;
}

const FuzzTarget& fuzz_target(std::string_view name) {
  for (const auto& t : fuzz_targets())
    if (t.name == name) return t;
  throw std::invalid_argument("no fuzz target " + std::string(name));
}

size_t run_mutations(const FuzzTarget& target, uint64_t seed, size_t cases) {
  std::mt19937_64 rng(seed);  // mt19937_64's output is fixed by the standard
  for (const auto& s : target.seeds) target.run(s);
  for (size_t i = 0; i < cases; ++i) {
    const std::string input = mutate(target.seeds[static_cast<size_t>(rng() % target.seeds.size())], target.seeds, rng);
    target.run(input);
  }
  return cases + target.seeds.size();
}

}  // namespace ds::test
