// WebSocket events parsed once per event loop: a post reaches every member of its channel in the
// same frame but for the trailing "seq":N}, so the thread that reads the members' sockets parses
// it once, numbers its ids once, and hands the same event to each of them.
#pragma once

#include "id_table.h"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loadgen {

struct Event {
  std::string name;
  boost::json::object msg;  // the frame without its "seq"
  boost::json::value post;  // data.post parsed, when it is a string holding JSON; else null
  // Read from `post` when there is one (else `user` is data.user_id), ids numbered in the cache's
  // tables (IdTable::kNone when absent).
  std::optional<IdKey> post_id;
  uint32_t channel = IdTable::kNone, user = IdTable::kNone;
  bool reply = false;  // the post has a root_id
};

// A frame split into the part every recipient gets and its own sequence number; nullopt when the
// frame does not end in `,"seq":N}` (replies to actions, for instance).
struct SequencedFrame {
  std::string_view shared;
  int64_t seq;
};
std::optional<SequencedFrame> split_seq(std::string_view frame);

// Used by one thread only. Keeps the last kSlots distinct events it parsed.
class EventCache {
 public:
  EventCache() = default;
  EventCache(const EventCache&) = delete;
  EventCache& operator=(const EventCache&) = delete;

  // The event in `frame` and its "seq" (-1 without one); nullptr when the frame is not a JSON
  // object naming an event. The event stays valid until the next call.
  const Event* parse(std::string_view frame, int64_t& seq);
  // Frames answered from the cache, and frames parsed (safe to read from any thread).
  int64_t reused() const { return reused_.load(std::memory_order_relaxed); }
  int64_t parsed() const { return parsed_.load(std::memory_order_relaxed); }
  // The numbers of the user and channel ids of this thread's events and users.
  IdTable& user_ids() { return user_ids_; }
  IdTable& channel_ids() { return channel_ids_; }

 private:
  static constexpr size_t kSlots = 16;
  struct Slot {
    std::string key;  // the shared part of the frame
    size_t hash = 0;
    uint64_t used = 0;  // tick of the last hit; the least recently used slot is replaced
    // The event's tree comes from here (small events fit in the buffer), so it is declared first
    // and outlives the event. The arena is rebuilt for each event: its release() would keep the
    // doubled block size of every earlier growth, until a large event asked for too much.
    unsigned char buffer[4096];
    std::optional<boost::json::monotonic_resource> arena;
    std::optional<Event> event;
  };
  // Parses `frame` into `slot` (its previous event is dropped); false when it names no event.
  bool fill(Slot& slot, std::string_view frame);

  std::array<Slot, kSlots> slots_;
  Slot uncached_;  // frames without a sequence number
  IdTable user_ids_, channel_ids_;
  uint64_t tick_ = 0;
  // Written by the owning thread only, hence a plain store (no locked add) of the next value.
  std::atomic<int64_t> reused_ = 0, parsed_ = 0;
  static void count(std::atomic<int64_t>& n) {
    n.store(n.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
};

}  // namespace loadgen
