#pragma once
// One wire format the built-in server speaks: the counterpart of a client provider
// (harness/endpoints/provider_api.hpp). The service answers every format the same way
// (backend, faults, stats); each format reads its requests, checks their authentication the
// way the provider's servers do, and writes answers, streams and errors in its own shape.
// The formats are listed in wire_formats(): one entry per route.
#include <httplib.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "harness/server/chat.hpp"
#include "harness/server/completion_shape.hpp"
#include "harness/server/wire_error.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

// The request's route matched, its body and headers: what a format reads.
using WireRequest = httplib::Request;

class WireFormat {
 public:
  virtual ~WireFormat() = default;

  // The POST route (an httplib pattern; its groups are in the request's matches).
  virtual std::string route() const = 0;
  // Throws WireError (401/403, 400) when the request lacks the provider's authentication.
  // serve holds no keys: only presence and shape are checked, as a test of the client.
  virtual void check_auth(const WireRequest& /*req*/) const {}
  // Throws WireError(400) naming the offending field.
  virtual ChatQuery parse(const WireRequest& req) const = 0;
  // The 404 when the model is not served.
  virtual WireError model_not_found(const std::string& model) const {
    return WireError(404, "not_found", "model: " + model, "", "model_not_found");
  }
  // The 503/529 an --error-rate fault answers besides 500.
  virtual WireError overloaded() const {
    return WireError(503, "overloaded", "The server is overloaded, please try again later. (injected by --error-rate)");
  }
  // How many choices the request asks for (only OpenAI's "n" asks for more than one).
  virtual int choices(const ChatQuery& /*query*/) const { return 1; }
  virtual const char* request_id_header() const { return "x-request-id"; }
  // Headers saying how long the answer took (OpenAI's openai-processing-ms).
  virtual void timing_headers(httplib::Response& /*res*/, int64_t /*ms*/) const {}

  virtual void send_error(httplib::Response& res, const WireError& error) const;
  virtual json error_body(const WireError& error) const = 0;
  // Rate-limit headers when serve limits the rate (none for formats whose servers send none).
  virtual void rate_headers(httplib::Response& /*res*/, int64_t /*limit*/, int64_t /*remaining*/,
                            double /*reset_s*/) const {}
  virtual std::string answer_body(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                  const std::string& body_key) const = 0;
  // The same answer as server-sent events, one string per event ("data: ...\n\n").
  virtual std::vector<std::string> stream_events(const ChatQuery& query, const std::vector<ShapedCompletion>& choices,
                                                 const std::string& body_key) const = 0;
};

// Every format serve speaks: OpenAI, Anthropic, Azure OpenAI, Gemini, Bedrock.
const std::vector<std::unique_ptr<WireFormat>>& wire_formats();

// The OpenAI format: the one for errors outside any route.
const WireFormat& openai_format();
const WireFormat& anthropic_format();

// The request body as a JSON object, bounded (json_limits::kServeRequest); WireError(400).
json parse_wire_body(const std::string& text);
// The text of [{"text": "..."}, ...] (Gemini's parts, Bedrock's content blocks), joined;
// WireError(400) naming `where` when it is not that shape.
std::string text_of_blocks(const json& blocks, const std::string& where);
// An optional number member of `object`, range-checked; WireError(400) naming `where.key`.
std::optional<double> optional_number(const json& object, const char* key, const std::string& where, double lo,
                                      double hi);
// Optional list of strings (stop sequences).
std::vector<std::string> optional_strings(const json& object, const char* key, const std::string& where);

// An id unique per response: a counter mixed into the hash of the request.
std::string make_id(const char* prefix, const std::string& body_key, size_t length);
int64_t unix_now();
// "1s", "250ms", "1m30s" as in OpenAI's x-ratelimit-reset-requests.
std::string duration_text(double seconds);

}  // namespace ds::harness::server
