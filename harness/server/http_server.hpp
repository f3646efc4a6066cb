#pragma once
// The HTTP side of `distillscope serve`: routes for the OpenAI and Anthropic wire formats,
// fault injection, /stats. Runs until the process is stopped.
#include <string>

#include "harness/server/chat.hpp"
#include "harness/server/faults.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 0;         // 0 = an ephemeral port, reported on the first stdout line
  int threads = 512;    // worker threads: the engine benchmark keeps 256 requests in flight
  size_t max_connections = 1024;  // open connections; more get a 503 (see bounded_server.hpp)
  FaultConfig faults;
};

// Binds, prints exactly one line "distillscope serve: listening on http://HOST:PORT (...)" to
// stdout (flushed), then serves until stopped. InputError if the port cannot be bound.
void run_server(const Backend& backend, const ServeOptions& options);

// The text in parentheses on the startup line: mode, models and active faults.
std::string startup_description(const Backend& backend, const FaultConfig& faults);

}  // namespace ds::harness::server
