#pragma once
// One reusable HTTP slot on its own libcurl easy handle: the options that never change are
// set once, each attempt only sets URL, headers and body; the reply buffers keep their
// capacity between attempts. The runner owns scheduling; this owns the bytes.
#include <curl/curl.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "harness/endpoints/endpoint.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct TransferLimits {
  double timeout_seconds = 120;
  size_t max_response_bytes = 8 << 20;
};

// Request headers as a libcurl list, rebuilt only when they change (a slot usually sends to
// one endpoint, whose headers are always the same).
class HeaderList {
 public:
  HeaderList() = default;
  ~HeaderList();
  HeaderList(const HeaderList&) = delete;
  HeaderList& operator=(const HeaderList&) = delete;

  // The list for `headers`, plus "Expect:" (no 100-continue round trip before a body).
  curl_slist* get(const std::vector<std::pair<std::string, std::string>>& headers);

 private:
  std::vector<std::pair<std::string, std::string>> source_;  // may hold an API key: never log
  curl_slist* list_ = nullptr;
};

class HttpTransfer {
 public:
  // `this` is stored as CURLOPT_PRIVATE: curl_easy_getinfo(CURLINFO_PRIVATE) finds the slot.
  explicit HttpTransfer(const TransferLimits& limits);
  ~HttpTransfer();
  HttpTransfer(const HttpTransfer&) = delete;
  HttpTransfer& operator=(const HttpTransfer&) = delete;

  // Sets up the next attempt: POST `request` for the runner's job number `job`.
  void prepare(HttpRequest request, size_t job);

  CURL* easy() const { return easy_; }
  size_t job() const { return job_; }
  double started_at = 0;   // monotonic seconds, set by the runner
  bool in_flight = false;  // attached to the multi handle, set by the runner

  // After CURLMSG_DONE: the reply (status, lower-case headers, body) when the transfer
  // completed, else "" and a message in transport_error().
  bool completed(CURLcode code);
  const HttpReply& reply() const { return reply_; }
  const std::string& transport_error() const { return transport_error_; }

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
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace ds::harness
