// EventCache: a frame's shared part is looked up among the last events parsed on this thread
// (hash, then the bytes); a miss parses the frame and the post inside it into the least recently
// used slot.
#include "event_cache.h"
#include "json_field.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>
#include <functional>

namespace loadgen {

namespace json = boost::json;

std::optional<SequencedFrame> split_seq(std::string_view frame) {
  constexpr std::string_view kSeq = ",\"seq\":";
  auto at = frame.rfind(kSeq);
  if (at == std::string_view::npos || frame.back() != '}') return std::nullopt;
  const char* first = frame.data() + at + kSeq.size();
  const char* last = frame.data() + frame.size() - 1;
  int64_t seq = 0;
  auto [end, ec] = std::from_chars(first, last, seq);
  if (ec != std::errc() || end != last || first == last) return std::nullopt;
  return SequencedFrame{frame.substr(0, at), seq};
}

bool EventCache::fill(Slot& slot, std::string_view frame) {
  count(parsed_);
  slot.event.reset();
  json::storage_ptr storage(&slot.arena.emplace(slot.buffer, sizeof slot.buffer));
  boost::system::error_code ec;
  auto v = json::parse(frame, ec, storage);
  if (ec || !v.is_object()) return false;
  auto& o = v.as_object();
  auto* name = o.if_contains("event");
  if (!name || !name->is_string()) return false;
  std::string event_name(name->as_string());
  o.erase("seq");
  json::value post(storage);  // null; assigned without a copy
  if (auto* data = o.if_contains("data"); data && data->is_object())
    if (auto* text = data->as_object().if_contains("post"); text && text->is_string()) {
      post = json::parse(text->as_string(), ec, storage);
      if (ec) post = nullptr;
    }
  // Built in place: moving the trees into existing members would copy them off the arena.
  auto& event = slot.event.emplace(Event{std::move(event_name), std::move(o), std::move(post),
                                         std::nullopt, IdTable::kNone, IdTable::kNone, false});
  if (event.post.is_object()) {
    event.post_id = id_key(str_view(event.post, "id"));
    event.channel = channel_ids_.number(str_view(event.post, "channel_id"));
    event.user = user_ids_.number(str_view(event.post, "user_id"));
    event.reply = !str_view(event.post, "root_id").empty();
  } else if (auto* data = event.msg.if_contains("data")) {
    event.user = user_ids_.number(str_view(*data, "user_id"));
  }
  return true;
}

const Event* EventCache::parse(std::string_view frame, int64_t& seq) {
  seq = -1;
  auto split = split_seq(frame);
  if (!split) return fill(uncached_, frame) ? &*uncached_.event : nullptr;
  seq = split->seq;
  ++tick_;
  size_t hash = std::hash<std::string_view>()(split->shared);
  for (auto& slot : slots_)
    if (slot.event && slot.hash == hash && slot.key == split->shared) {
      slot.used = tick_;
      count(reused_);
      return &*slot.event;
    }
  auto& slot = *std::min_element(slots_.begin(), slots_.end(),
                                 [](const Slot& a, const Slot& b) { return a.used < b.used; });
  slot.used = tick_;
  slot.hash = hash;
  slot.key.assign(split->shared);
  if (fill(slot, frame)) return &*slot.event;
  slot.used = 0;  // nothing kept: the slot is the next to be replaced
  return nullptr;
}

}  // namespace loadgen
