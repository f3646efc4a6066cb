#include "harness/runner/socket_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "harness/layer.hpp"

namespace ds::harness {

namespace {

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

uint32_t epoll_events(int what) {
  uint32_t events = 0;
  if (what == CURL_POLL_IN || what == CURL_POLL_INOUT) events |= EPOLLIN;
  if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT) events |= EPOLLOUT;
  return events;
}

}  // namespace

SocketLoop::SocketLoop(CURLM* multi) : multi_(multi) {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_fd_ < 0 || wake_fd_ < 0) throw std::runtime_error("runner: cannot create epoll/eventfd");
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = wake_fd_;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &SocketLoop::on_socket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &SocketLoop::on_timer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
}

SocketLoop::~SocketLoop() {
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, nullptr);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, nullptr);
  close(wake_fd_);
  close(epoll_fd_);
}

void SocketLoop::wakeup(int fd) {
  if (fd < 0) return;
  const uint64_t one = 1;
  const ssize_t written = write(fd, &one, sizeof one);  // fails only when the counter is full
  (void)written;
}

int SocketLoop::on_socket(CURL*, curl_socket_t socket, int what, void* self, void* registered) {
  auto* loop = static_cast<SocketLoop*>(self);
  if (what == CURL_POLL_REMOVE) {  // curl forgets the socket's mark with it
    epoll_ctl(loop->epoll_fd_, EPOLL_CTL_DEL, socket, nullptr);
    return 0;
  }
  epoll_event event{};
  event.events = epoll_events(what);
  event.data.fd = socket;
  // curl reports a socket again whenever the events it waits for change. A socket we added
  // carries a mark (curl_multi_assign), so each report is one system call: a kept-alive
  // connection is removed after every reply and added again for the next request, and a
  // MOD that fails first would be one more per request.
  if (registered) {
    if (epoll_ctl(loop->epoll_fd_, EPOLL_CTL_MOD, socket, &event) != 0 && errno == ENOENT)
      epoll_ctl(loop->epoll_fd_, EPOLL_CTL_ADD, socket, &event);
    return 0;
  }
  if (epoll_ctl(loop->epoll_fd_, EPOLL_CTL_ADD, socket, &event) != 0 && errno == EEXIST)
    epoll_ctl(loop->epoll_fd_, EPOLL_CTL_MOD, socket, &event);
  curl_multi_assign(loop->multi_, socket, loop);
  return 0;
}

int SocketLoop::on_timer(CURLM*, long timeout_ms, void* self) {
  auto* loop = static_cast<SocketLoop*>(self);
  loop->timer_due_ = timeout_ms < 0 ? -1 : monotonic_seconds() + static_cast<double>(timeout_ms) / 1000.0;
  return 0;
}

void SocketLoop::act(curl_socket_t socket, int flags) {
  int running = 0;
  curl_multi_socket_action(multi_, socket, flags, &running);
}

void SocketLoop::wait_and_act(int max_wait_ms) {
  int wait_ms = std::max(0, max_wait_ms);
  if (timer_due_ >= 0) {
    const double until = std::ceil((timer_due_ - monotonic_seconds()) * 1000.0);
    wait_ms = std::min(wait_ms, static_cast<int>(std::max(0.0, until)));
  }
  epoll_event events[256];
  const int n = epoll_wait(epoll_fd_, events, 256, wait_ms);
  for (int i = 0; i < n; ++i) {
    if (events[i].data.fd == wake_fd_) {
      uint64_t count = 0;
      const ssize_t got = read(wake_fd_, &count, sizeof count);
      (void)got;
      continue;
    }
    int flags = 0;
    if (events[i].events & EPOLLIN) flags |= CURL_CSELECT_IN;
    if (events[i].events & EPOLLOUT) flags |= CURL_CSELECT_OUT;
    if (events[i].events & (EPOLLERR | EPOLLHUP)) flags |= CURL_CSELECT_ERR;
    act(events[i].data.fd, flags);
  }
  if (timer_due_ >= 0 && monotonic_seconds() >= timer_due_) {
    timer_due_ = -1;
    act(CURL_SOCKET_TIMEOUT, 0);
  }
}

}  // namespace ds::harness
