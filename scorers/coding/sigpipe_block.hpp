#pragma once
// Writing to a sandbox that has already exited must not kill us with SIGPIPE: while a guard
// lives, SIGPIPE is blocked in this thread (writes fail with EPIPE instead); a pending one is
// discarded when it ends.
#include <pthread.h>
#include <signal.h>

#include "scorers/layer.hpp"

namespace ds::scorers {

class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~SigpipeBlock() {
    const timespec no_wait{0, 0};
    while (::sigtimedwait(&set_, nullptr, &no_wait) > 0) {
    }
    ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

 private:
  sigset_t set_, old_;
};

}  // namespace ds::scorers
