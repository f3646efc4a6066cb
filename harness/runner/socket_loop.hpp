#pragma once
// libcurl's multi_socket interface driven by epoll. curl_multi_perform and curl_multi_poll
// visit every transfer on every wake-up, which at 64-256 in flight costs more CPU than the
// requests themselves; here only the sockets that have events, and curl's own timer, are
// handed to curl. One eventfd lets another thread or a signal handler interrupt the wait.
#include <curl/curl.h>

#include "harness/layer.hpp"

namespace ds::harness {

class SocketLoop {
 public:
  // Installs the socket and timer callbacks on `multi`; the loop must outlive its use.
  explicit SocketLoop(CURLM* multi);
  ~SocketLoop();
  SocketLoop(const SocketLoop&) = delete;
  SocketLoop& operator=(const SocketLoop&) = delete;

  // Waits at most max_wait_ms (less when curl's timer is due sooner, not at all when curl
  // asked to be called at once, e.g. after a handle was added), then lets curl act on every
  // socket event and on its timer.
  void wait_and_act(int max_wait_ms);

  // Interrupts a wait from another thread or a signal handler (async-signal-safe).
  int wakeup_fd() const { return wake_fd_; }
  static void wakeup(int fd);

 private:
  static int on_socket(CURL* easy, curl_socket_t socket, int what, void* self, void* socket_data);
  static int on_timer(CURLM* multi, long timeout_ms, void* self);
  void act(curl_socket_t socket, int flags);

  CURLM* multi_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  double timer_due_ = -1;  // monotonic seconds when curl wants its timeout action; < 0: none
};

}  // namespace ds::harness
