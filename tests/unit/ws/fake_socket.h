// A ws::Socket that records what it is sent, for hub and connection tests.
#pragma once

#include "ws/connection.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace parley::ws::testing {

class FakeSocket : public Socket {
 public:
  void send(Frame frame) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(frame.str());
    received_.push_back(std::move(frame));
  }
  void close() override { closed_ = true; }

  std::vector<Frame> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  std::vector<std::string> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  // Every frame parsed as JSON.
  std::vector<boost::json::object> frames() const {
    std::vector<boost::json::object> out;
    for (const auto& s : sent()) out.push_back(boost::json::parse(s).as_object());
    return out;
  }
  std::vector<int64_t> seqs() const {
    std::vector<int64_t> out;
    for (const auto& f : frames())
      if (auto it = f.find("seq"); it != f.end()) out.push_back(it->value().as_int64());
    return out;
  }
  bool closed() const { return closed_; }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> sent_;
  std::vector<Frame> received_;
  std::atomic<bool> closed_{false};
};

}  // namespace parley::ws::testing
