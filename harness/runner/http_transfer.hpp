#pragma once
// One reusable HTTP slot on its own libcurl easy handle: the options that never change are
// set once, each attempt only sets URL, headers and body; the reply buffers keep their
// capacity between attempts. The runner owns scheduling; this owns the bytes.
#include <curl/curl.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/endpoints/endpoint.hpp"
#include "harness/endpoints/sse_parser.hpp"
#include "harness/endpoints/stream_reply.hpp"
#include "harness/runner/failure_cause.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct TransferLimits {
  double timeout_seconds = 120;
  size_t max_response_bytes = 8 << 20;
};

// The class of a libcurl error (connection refused, timeout, ...).
TransportFailure transport_failure_of(CURLcode code);

// Signs the transfer on `curl` with AWS Signature Version 4 when `request` asks for it (the
// Bedrock provider), and turns signing off otherwise (a reused handle may have had it).
void set_request_signing(CURL* curl, const HttpRequest& request);

// A streamed request: the reply is read as server-sent events of this provider.
struct StreamMode {
  bool enabled = false;
  Provider provider = Provider::OpenAI;
};

// Request headers as a libcurl list, rebuilt only when they change (a slot usually sends to
// one endpoint, whose headers are always the same).
class HeaderList {
 public:
  HeaderList() = default;
  ~HeaderList();
  HeaderList(const HeaderList&) = delete;
  HeaderList& operator=(const HeaderList&) = delete;

  // The list for `headers`, plus "Expect:" (no 100-continue round trip before a body) unless
  // the request is SigV4-signed: libcurl 7.88 signs that empty header as "expect" without
  // sending it, and AWS then refuses the signature (set_request_signing waits for no 100 instead).
  curl_slist* get(const std::vector<std::pair<std::string, std::string>>& headers, bool signed_request = false);

 private:
  std::vector<std::pair<std::string, std::string>> source_;  // may hold an API key: never log
  bool signed_ = false;
  curl_slist* list_ = nullptr;
};

class HttpTransfer {
 public:
  // `this` is stored as CURLOPT_PRIVATE: curl_easy_getinfo(CURLINFO_PRIVATE) finds the slot.
  explicit HttpTransfer(const TransferLimits& limits);
  ~HttpTransfer();
  HttpTransfer(const HttpTransfer&) = delete;
  HttpTransfer& operator=(const HttpTransfer&) = delete;

  // Sets up the next attempt: POST `request` for the runner's job number `job`, its reply
  // read as server-sent events when `stream` is enabled.
  void prepare(HttpRequest request, size_t job, StreamMode stream = {});

  CURL* easy() const { return easy_; }
  size_t job() const { return job_; }
  double started_at = 0;   // monotonic seconds, set by the runner
  bool in_flight = false;  // attached to the multi handle, set by the runner

  // After CURLMSG_DONE: the reply (status, lower-case headers, body) when the transfer
  // completed, else "" and a message in transport_error().
  bool completed(CURLcode code);
  const HttpReply& reply() const { return reply_; }
  const std::string& transport_error() const { return transport_error_; }
  TransportFailure transport_failure() const { return transport_failure_; }

  // True when a 2xx reply came as text/event-stream: the answer is stream_response(), not
  // the (empty) body. A server that ignores "stream" and answers JSON is read as usual.
  bool streamed() const { return streaming_body_; }
  Response stream_response() const { return stream_.finish(); }
  // Steady-clock seconds at which the first answer text arrived (streams only).
  std::optional<double> first_text_at() const { return first_text_at_; }

 private:
  static size_t on_body(char* data, size_t size, size_t count, void* self);
  static size_t on_header(char* data, size_t size, size_t count, void* self);

  CURL* easy_;
  size_t job_ = 0;
  std::string url_;
  std::string body_;
  HeaderList headers_;
  size_t max_bytes_;
  bool too_large_ = false;
  HttpReply reply_;
  std::string transport_error_;
  TransportFailure transport_failure_ = TransportFailure::none;
  bool stream_requested_ = false;
  bool streaming_body_ = false;
  size_t body_bytes_ = 0;
  SseParser sse_;
  StreamReply stream_{Provider::OpenAI};
  std::optional<double> first_text_at_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace ds::harness
