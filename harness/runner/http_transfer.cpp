#include "harness/runner/http_transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include "harness/layer.hpp"

namespace ds::harness {

TransportFailure transport_failure_of(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT: return TransportFailure::refused;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportFailure::unresolved;
    case CURLE_OPERATION_TIMEDOUT: return TransportFailure::timeout;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE: return TransportFailure::reset;
    default: return TransportFailure::other;
  }
}

void set_request_signing(CURL* curl, const HttpRequest& request) {
  const bool sign = !request.aws_sigv4.empty();
  // libcurl copies option strings: the credentials live on only in the request.
  curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sign ? request.aws_sigv4.c_str() : nullptr);
  curl_easy_setopt(curl, CURLOPT_USERPWD, sign ? request.aws_credentials.c_str() : nullptr);
  if (!sign) curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));  // libcurl's default
  // A signed request keeps libcurl's "Expect: 100-continue" (see HeaderList): send the body at
  // once rather than wait for the 100.
  curl_easy_setopt(curl, CURLOPT_EXPECT_100_TIMEOUT_MS, sign ? 0L : 1000L);
}

namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

HeaderList::~HeaderList() { curl_slist_free_all(list_); }

curl_slist* HeaderList::get(const std::vector<std::pair<std::string, std::string>>& headers, bool signed_request) {
  if (list_ && headers == source_ && signed_request == signed_) return list_;
  curl_slist_free_all(list_);
  list_ = nullptr;
  source_ = headers;
  signed_ = signed_request;
  for (const auto& [name, value] : source_) list_ = curl_slist_append(list_, (name + ": " + value).c_str());
  return signed_ ? list_ : list_ = curl_slist_append(list_, "Expect:");
}

HttpTransfer::HttpTransfer(const TransferLimits& limits)
    : easy_(curl_easy_init()), max_bytes_(limits.max_response_bytes) {
  if (!easy_) throw std::runtime_error("runner: curl_easy_init failed");
  const long timeout_ms = std::max(1L, static_cast<long>(limits.timeout_seconds * 1000));
  curl_easy_setopt(easy_, CURLOPT_POST, 1L);
  curl_easy_setopt(easy_, CURLOPT_USERAGENT, "distillscope/" DS_VERSION);
  curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &HttpTransfer::on_body);
  curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &HttpTransfer::on_header);
  curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy_, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 30000L));
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy_, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy_, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy_, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_bytes_));
  // HTTP/2 over TLS when the server offers it (ALPN); many requests then share one
  // connection.
  curl_easy_setopt(easy_, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
}

HttpTransfer::~HttpTransfer() { curl_easy_cleanup(easy_); }

void HttpTransfer::prepare(HttpRequest request, size_t job, StreamMode stream) {
  job_ = job;
  body_ = std::move(request.body);
  too_large_ = false;
  reply_.status = 0;
  reply_.headers.clear();
  reply_.body.clear();  // keeps its capacity for the next reply
  transport_error_.clear();
  transport_failure_ = TransportFailure::none;
  error_buffer_[0] = '\0';
  stream_requested_ = stream.enabled;
  streaming_body_ = false;
  body_bytes_ = 0;
  sse_ = SseParser();
  stream_ = StreamReply(stream.provider);
  first_text_at_.reset();
  if (request.url != url_) {
    url_ = std::move(request.url);
    curl_easy_setopt(easy_, CURLOPT_URL, url_.c_str());
    // Over TLS, wait for a multiplexed HTTP/2 connection rather than opening new ones.
    curl_easy_setopt(easy_, CURLOPT_PIPEWAIT, url_.rfind("https://", 0) == 0 ? 1L : 0L);
  }
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_.get(request.headers, !request.aws_sigv4.empty()));
  set_request_signing(easy_, request);
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, body_.data());
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body_.size()));
}

size_t HttpTransfer::on_body(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<HttpTransfer*>(self);
  const size_t n = size * count;
  if (t->body_bytes_ + n > t->max_bytes_) {
    t->too_large_ = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body_bytes_ += n;
  if (t->body_bytes_ == n && t->stream_requested_ && t->reply_.status >= 200 && t->reply_.status < 300) {
    const auto type = t->reply_.headers.find("content-type");
    t->streaming_body_ = type != t->reply_.headers.end() &&
                         type->second.find("text/event-stream") != std::string::npos;
  }
  if (!t->streaming_body_) {
    t->reply_.body.append(data, n);
    return n;
  }
  for (const SseEvent& event : t->sse_.feed(std::string_view(data, n)))
    if (t->stream_.add(event) && !t->first_text_at_) t->first_text_at_ = steady_seconds();
  return n;
}

size_t HttpTransfer::on_header(char* data, size_t size, size_t count, void* self) {
  auto* t = static_cast<HttpTransfer*>(self);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    t->reply_.headers.clear();  // a new response (after 100 Continue or a redirect)
    // The status is needed before the body starts, to tell a 2xx event stream from an error.
    const auto space = line.find(' ');
    if (space != std::string_view::npos) t->reply_.status = std::atol(std::string(line.substr(space + 1, 3)).c_str());
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  t->reply_.headers[name] = std::string(value);
  return n;
}

bool HttpTransfer::completed(CURLcode code) {
  long status = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
  reply_.status = status;
  if (code == CURLE_OK) return true;
  transport_failure_ = transport_failure_of(code);
  if (too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
    transport_failure_ = TransportFailure::too_large;
    transport_error_ = fmt::format("response larger than the cap of {} bytes; transfer aborted",
                                   max_bytes_);
  } else {
    const char* detail = error_buffer_[0] != '\0' ? error_buffer_ : curl_easy_strerror(code);
    transport_error_ = fmt::format("transport error ({}): {}", curl_easy_strerror(code), detail);
  }
  return false;
}

}  // namespace ds::harness
