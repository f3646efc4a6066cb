#include "harness/server/wire_openai.hpp"
#include "core/json_bounded.hpp"

#include <fmt/format.h>

#include <algorithm>
#include "harness/layer.hpp"

namespace ds::harness::server::openai {

namespace {

WireError invalid(const std::string& message, const std::string& param = "") {
  return WireError(400, "invalid_request", message, param);
}

// Content is a string or an array of parts [{"type": "text", "text": ...}].
std::string content_text(const json& content, size_t index) {
  if (content.is_string()) return content.get<std::string>();
  if (content.is_null()) return "";
  if (content.is_array()) {
    std::string text;
    for (const auto& part : content) {
      // A part whose "type" is not a string is a bad request (400), not a server error.
      const auto type = part.is_object() ? part.find("type") : part.end();
      if (type != part.end() && type->is_string() && *type == "text" && part.contains("text") &&
          part["text"].is_string())
        text += part["text"].get<std::string>();
      else
        throw invalid(fmt::format("Invalid content part in messages[{}]: only text parts are supported.", index),
                      fmt::format("messages.[{}].content", index));
    }
    return text;
  }
  throw invalid(fmt::format("Invalid type for 'messages.[{}].content': expected a string or an array.", index),
                fmt::format("messages.[{}].content", index));
}

int int_field(const json& body, const char* name, int lo, int hi) {
  const json& v = body[name];
  if (!v.is_number_integer())
    throw invalid(fmt::format("Invalid type for '{}': expected an integer, but got {}.", name, v.type_name()), name);
  const auto x = v.get<int64_t>();
  if (x < lo || x > hi)
    throw invalid(fmt::format("Invalid '{}': {} is out of range ({}..{}).", name, x, lo, hi), name);
  return static_cast<int>(x);
}

}  // namespace

ChatQuery parse_request(const std::string& text) {
  JsonParse parsed = try_parse_json(text, json_limits::kServeRequest);
  if (!parsed.ok())
    throw invalid(
        "We could not parse the JSON body of your request (" + parsed.error + "). (HINT: This likely means you "
        "aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)");
  json body = std::move(parsed.value);
  if (!body.is_object()) throw invalid("The request body must be a JSON object.");
  ChatQuery q;
  if (!body.contains("model") || !body["model"].is_string() || body["model"].get<std::string>().empty())
    throw invalid("you must provide a model parameter", "model");
  q.model = body["model"].get<std::string>();
  if (!body.contains("messages")) throw invalid("Missing required parameter: 'messages'.", "messages");
  if (!body["messages"].is_array())
    throw invalid("Invalid type for 'messages': expected an array.", "messages");
  if (body["messages"].empty())
    throw invalid("Invalid 'messages': empty array. Expected an array with minimum length 1.", "messages");
  size_t i = 0;
  for (const auto& m : body["messages"]) {
    if (!m.is_object() || !m.contains("role") || !m["role"].is_string())
      throw invalid(fmt::format("Missing required parameter: 'messages.[{}].role'.", i),
                    fmt::format("messages.[{}].role", i));
    const auto role = m["role"].get<std::string>();
    // By reference: a request's content is untrusted and is never copied as a tree.
    static const json kNoContent;
    const auto content_it = m.find("content");
    const std::string content = content_text(content_it == m.end() ? kNoContent : *content_it, i);
    if (role == "system" || role == "developer") {
      q.system += (q.system.empty() ? "" : "\n") + content;
    } else if (role == "user" || role == "assistant") {
      q.messages.push_back({role, content});
    } else if (role != "tool" && role != "function") {
      throw invalid(fmt::format("Invalid value: '{}'. Supported values are: 'system', 'developer', "
                                "'assistant', 'user', 'tool' and 'function'.", role),
                    fmt::format("messages.[{}].role", i));
    }
    ++i;
  }
  if (q.messages.empty() || q.messages.back().role != "user")
    throw invalid("The last message must be a user message.", "messages");
  for (const char* name : {"max_tokens", "max_completion_tokens"})
    if (body.contains(name) && !body[name].is_null()) q.max_tokens = int_field(body, name, 1, 1 << 20);
  if (body.contains("n") && !body["n"].is_null()) q.n = int_field(body, "n", 1, 128);
  if (body.contains("seed") && !body["seed"].is_null()) {
    if (!body["seed"].is_number_integer())
      throw invalid("Invalid type for 'seed': expected an integer.", "seed");
    q.seed = body["seed"].get<int64_t>();
  }
  if (body.contains("temperature") && !body["temperature"].is_null()) {
    if (!body["temperature"].is_number() || body["temperature"].get<double>() < 0 ||
        body["temperature"].get<double>() > 2)
      throw invalid("Invalid 'temperature': expected a number between 0 and 2.", "temperature");
    q.temperature = body["temperature"].get<double>();
  }
  if (body.contains("stop") && !body["stop"].is_null()) {
    const json& s = body["stop"];
    if (s.is_string()) {
      q.stop.push_back(s.get<std::string>());
    } else if (s.is_array() && s.size() <= 4) {
      for (const auto& x : s) {
        if (!x.is_string()) throw invalid("Invalid type for 'stop': expected strings.", "stop");
        q.stop.push_back(x.get<std::string>());
      }
    } else {
      throw invalid("Invalid 'stop': expected a string or an array of at most 4 strings.", "stop");
    }
  }
  if (body.contains("logprobs") && !body["logprobs"].is_null()) {
    if (!body["logprobs"].is_boolean()) throw invalid("Invalid type for 'logprobs': expected a boolean.", "logprobs");
    q.logprobs = body["logprobs"].get<bool>();
  }
  if (body.contains("stream") && !body["stream"].is_null()) {
    if (!body["stream"].is_boolean()) throw invalid("Invalid type for 'stream': expected a boolean.", "stream");
    q.stream = body["stream"].get<bool>();
  }
  if (body.contains("stream_options") && !body["stream_options"].is_null()) {
    const json& o = body["stream_options"];
    if (!q.stream)
      throw invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options");
    if (!o.is_object()) throw invalid("Invalid type for 'stream_options': expected an object.", "stream_options");
    if (o.contains("include_usage") && !o["include_usage"].is_null()) {
      if (!o["include_usage"].is_boolean())
        throw invalid("Invalid type for 'stream_options.include_usage': expected a boolean.",
                      "stream_options.include_usage");
      q.include_usage = o["include_usage"].get<bool>();
    }
  }
  if (body.contains("top_logprobs") && !body["top_logprobs"].is_null()) {
    q.top_logprobs = int_field(body, "top_logprobs", 0, 20);
    if (!q.logprobs)
      throw invalid("Invalid value for 'top_logprobs': logprobs must be set to true if top_logprobs is used.",
                    "top_logprobs");
  }
  return q;
}

json completion_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                     const std::string& id, int64_t created) {
  json out = {{"id", id}, {"object", "chat.completion"}, {"created", created},
              {"model", query.model}, {"system_fingerprint", "fp_distillscope"},
              {"choices", json::array()}};
  int64_t completion_tokens = 0;
  for (size_t i = 0; i < choices.size(); ++i) {
    const auto& c = choices[i];
    json choice = {{"index", i},
                   {"message", {{"role", "assistant"}, {"content", c.text}, {"refusal", nullptr}}},
                   {"logprobs", nullptr},
                   {"finish_reason", c.finish == Finish::length ? "length" : "stop"}};
    if (query.logprobs) choice["logprobs"] = make_logprobs(query, c);
    out["choices"].push_back(std::move(choice));
    completion_tokens += c.completion_tokens;
  }
  const int64_t prompt_tokens = choices.empty() ? 0 : choices.front().prompt_tokens;
  out["usage"] = {{"prompt_tokens", prompt_tokens},
                  {"completion_tokens", completion_tokens},
                  {"total_tokens", prompt_tokens + completion_tokens}};
  return out;
}

std::vector<json> stream_chunks(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                const std::string& id, int64_t created) {
  const json frame = {{"id", id}, {"object", "chat.completion.chunk"}, {"created", created},
                      {"model", query.model}, {"system_fingerprint", "fp_distillscope"}};
  std::vector<json> out;
  const auto chunk = [&](json choice) {
    json c = frame;
    c["choices"] = json::array({std::move(choice)});
    // With include_usage every chunk carries "usage": null until the last one.
    if (query.include_usage) c["usage"] = nullptr;
    out.push_back(std::move(c));
  };
  int64_t completion_tokens = 0;
  for (size_t i = 0; i < choices.size(); ++i) {
    const auto& c = choices[i];
    chunk({{"index", i}, {"delta", {{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}}},
           {"logprobs", nullptr}, {"finish_reason", nullptr}});
    const json logprobs = query.logprobs ? make_logprobs(query, c) : json();
    for (size_t k = 0; k < c.tokens.size(); ++k) {
      json lp = nullptr;
      if (query.logprobs) lp = {{"content", json::array({logprobs["content"][k]})}, {"refusal", nullptr}};
      chunk({{"index", i}, {"delta", {{"content", c.tokens[k]}}}, {"logprobs", lp}, {"finish_reason", nullptr}});
    }
    chunk({{"index", i}, {"delta", json::object()}, {"logprobs", nullptr},
           {"finish_reason", c.finish == Finish::length ? "length" : "stop"}});
    completion_tokens += c.completion_tokens;
  }
  if (query.include_usage) {
    const int64_t prompt_tokens = choices.empty() ? 0 : choices.front().prompt_tokens;
    json last = frame;
    last["choices"] = json::array();
    last["usage"] = {{"prompt_tokens", prompt_tokens}, {"completion_tokens", completion_tokens},
                     {"total_tokens", prompt_tokens + completion_tokens}};
    out.push_back(std::move(last));
  }
  return out;
}

json error_body(const WireError& e) {
  std::string type = "invalid_request_error";
  if (e.kind == "rate_limit") type = "requests";
  if (e.kind == "server" || e.kind == "overloaded") type = "server_error";
  return {{"error",
           {{"message", e.what()},
            {"type", type},
            {"param", e.param.empty() ? json(nullptr) : json(e.param)},
            {"code", e.code.empty() ? json(nullptr) : json(e.code)}}}};
}

json models_body(const std::vector<std::string>& names, bool simulated, int64_t created) {
  json data = json::array();
  for (const auto& n : names)
    data.push_back({{"id", n}, {"object", "model"}, {"created", created},
                    {"owned_by", simulated ? "distillscope-simulator" : "distillscope-replay"},
                    {"simulated", simulated}});
  return {{"object", "list"}, {"data", data}};
}

WireError OpenAiFormat::model_not_found(const std::string& model) const {
  return WireError(404, "not_found",
                   fmt::format("The model `{}` does not exist or you do not have access to it.", model), "model",
                   "model_not_found");
}

void OpenAiFormat::timing_headers(httplib::Response& res, int64_t ms) const {
  res.set_header("openai-processing-ms", std::to_string(ms));
}

void OpenAiFormat::rate_headers(httplib::Response& res, int64_t limit, int64_t remaining, double reset_s) const {
  res.set_header("x-ratelimit-limit-requests", std::to_string(limit));
  res.set_header("x-ratelimit-remaining-requests", std::to_string(remaining));
  res.set_header("x-ratelimit-reset-requests", duration_text(std::max(0.001, reset_s)));
}

std::string OpenAiFormat::answer_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                      const std::string& body_key) const {
  return dump_json(completion_body(query, choices, make_id("chatcmpl-", body_key, 29), unix_now()));
}

std::vector<std::string> OpenAiFormat::stream_events(const ChatQuery& query,
                                                     const std::vector<ShapedCompletion>& choices,
                                                     const std::string& body_key) const {
  std::vector<std::string> events;
  for (const auto& chunk : stream_chunks(query, choices, make_id("chatcmpl-", body_key, 29), unix_now()))
    events.push_back("data: " + dump_json(chunk) + "\n\n");
  events.push_back("data: [DONE]\n\n");
  return events;
}

}  // namespace ds::harness::server::openai
