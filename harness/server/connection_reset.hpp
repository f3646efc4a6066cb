#pragma once
// Resets the TCP connection a request arrived on, so the client sees the connection die with
// no response at all. cpp-httplib does not hand the socket to handlers, so the socket is found
// among the process's descriptors by its peer address and port.
#include <string>
#include "harness/layer.hpp"

namespace ds::harness::server {

// True if a socket connected to remote_addr:remote_port was found and reset.
bool reset_connection(const std::string& remote_addr, int remote_port);

}  // namespace ds::harness::server
