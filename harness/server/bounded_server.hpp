#pragma once
// cpp-httplib's Server with its connection handling replaced, so that no client can starve
// or bloat `serve`:
// - connections wait for their next request in one epoll "waiting room" thread, not in a
//   worker thread: idle keep-alive connections and half-sent requests cost no thread;
// - a request reaches a worker only once its headers and body have arrived in full, within a
//   deadline, and within a per-route body limit (413) and a server-wide budget of buffered
//   bytes (503);
// - the number of open connections is bounded: beyond it a connection gets a 503 and is closed,
//   except that a small reserve of further connections may ask GET /health (and nothing else),
//   so a full server still says it is alive.
// Routing, handlers and responses stay cpp-httplib's (Server::process_request).
#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace ds::harness::server {

struct ConnectionLimits {
  size_t max_connections = 1024;    // open connections (lowered to fit RLIMIT_NOFILE)
  size_t health_reserve = 32;       // beyond max_connections: connections that may ask /health
  double health_wait_s = 2;         // a reserve connection's request must arrive within this
  size_t worker_threads = 512;      // requests handled at once
  double request_timeout_s = 10;    // first byte of a request to its last
  double idle_timeout_s = 30;       // keep-alive wait for the next request
  double write_timeout_s = 60;      // a response must drain at least this fast
  size_t max_header_bytes = 64u << 10;
  size_t max_buffered_bytes = 64u << 20;  // request bytes held at once, all connections
  // The largest body accepted for METHOD PATH.
  std::function<size_t(const std::string& method, const std::string& path)> body_limit;
};

class BoundedServer : public httplib::Server {
 public:
  explicit BoundedServer(ConnectionLimits limits);
  ~BoundedServer() override;
  BoundedServer(const BoundedServer&) = delete;
  BoundedServer& operator=(const BoundedServer&) = delete;

  // Binds HOST:PORT (0 = any free port) and listens with a backlog that holds a burst of
  // max_connections connects; returns the port, or -1 when the address cannot be bound.
  // The port is not shared: SO_REUSEPORT stays off, so a second server on a busy port fails
  // instead of taking every other connection.
  int bind_listening(const std::string& host, int port);

  size_t open_connections() const;
  const ConnectionLimits& limits() const;

  struct Impl;

 private:
  // Called by Server::listen for each accepted socket (inline, in the accept thread).
  bool process_and_close_socket(socket_t sock) override;
  // cpp-httplib's routing and response for one complete request on `stream`.
  bool answer(httplib::Stream& stream, bool& connection_closed);

  std::unique_ptr<Impl> impl_;
};

// A complete HTTP/1.1 response with "Connection: close", for answers the waiting room gives
// itself (503, 408, 413, ...): a JSON body in the OpenAI error shape.
std::string canned_response(int status, const std::string& reason, const std::string& message);

}  // namespace ds::harness::server
