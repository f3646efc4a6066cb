#pragma once
// One HTTP attempt on a libcurl easy handle: request setup, header and body capture with a
// size cap, and what came back. The runner owns scheduling; this owns the bytes.
#include <curl/curl.h>

#include <cstddef>
#include <string>

#include "harness/endpoints/endpoint.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

struct TransferLimits {
  double timeout_seconds = 120;
  size_t max_response_bytes = 8 << 20;
};

class HttpTransfer {
 public:
  // Configures `easy` (reset first, so a handle from a pool carries nothing over) to POST
  // `request`. `this` is stored as CURLOPT_PRIVATE; it must outlive the transfer.
  HttpTransfer(CURL* easy, HttpRequest request, const TransferLimits& limits, size_t job);
  ~HttpTransfer();
  HttpTransfer(const HttpTransfer&) = delete;
  HttpTransfer& operator=(const HttpTransfer&) = delete;

  CURL* easy() const { return easy_; }
  size_t job() const { return job_; }
  double started_at = 0;  // monotonic seconds, set by the runner

  // After CURLMSG_DONE: the reply (status, lower-case headers, body) when the transfer
  // completed, else "" and a message in transport_error().
  bool completed(CURLcode code);
  const HttpReply& reply() const { return reply_; }
  const std::string& transport_error() const { return transport_error_; }

 private:
  static size_t on_body(char* data, size_t size, size_t count, void* self);
  static size_t on_header(char* data, size_t size, size_t count, void* self);

  CURL* easy_;
  size_t job_;
  HttpRequest request_;
  curl_slist* headers_ = nullptr;
  size_t max_bytes_;
  bool too_large_ = false;
  HttpReply reply_;
  std::string transport_error_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace ds::harness
