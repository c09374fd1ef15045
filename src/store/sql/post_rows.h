// Posts columns and row mapping shared by the SQLite and PostgreSQL post stores, plus the pure
// rules both apply (join/leave messages do not count).
#pragma once

#include "model/post.h"
#include "store/post_store.h"
#include "store/sql/json_columns.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace parley::store::sql {

inline constexpr std::string_view kPostColumns =
    "Id, CreateAt, UpdateAt, EditAt, DeleteAt, IsPinned, UserId, ChannelId, RootId, OriginalId, "
    "Message, Type, Props, Hashtags, FileIds, HasReactions, PendingPostId, Priority, "
    "RequestedAck, PersistentNotifications";
inline constexpr int kPostColumnCount = 20;

// "p.Id, p.CreateAt, ..." followed by the thread's reply count.
inline std::string post_select(std::string_view where_order) {
  std::string cols;
  std::string_view rest = kPostColumns;
  while (!rest.empty()) {
    auto comma = rest.find(", ");
    cols += "p." + std::string(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    cols += ", ";
    rest.remove_prefix(comma + 2);
  }
  return "SELECT " + cols +
         ", (SELECT COUNT(*) FROM Posts r WHERE r.RootId = (CASE WHEN p.RootId = '' THEN p.Id "
         "ELSE p.RootId END) AND r.DeleteAt = 0) FROM Posts p " +
         std::string(where_order);
}

template <class Row>
std::optional<bool> opt_bool(const Row& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return s.boolean(col);
}

// Reads the kPostColumns plus the reply count selected by post_select.
template <class Row>
model::Post read_post(const Row& s, bool keep_pending = false) {
  model::Post p;
  int i = 0;
  p.id = s.text(i++);
  p.create_at = s.int64(i++);
  p.update_at = s.int64(i++);
  p.edit_at = s.int64(i++);
  p.delete_at = s.int64(i++);
  p.is_pinned = s.boolean(i++);
  p.user_id = s.text(i++);
  p.channel_id = s.text(i++);
  p.root_id = s.text(i++);
  p.original_id = s.text(i++);
  p.message = s.text(i++);
  p.type = s.text(i++);
  p.props = object_column(s, i++);
  p.hashtags = s.text(i++);
  p.file_ids = parse_string_list(s.text(i++));
  p.has_reactions = s.boolean(i++);
  auto pending = s.text(i++);
  if (keep_pending) p.pending_post_id = std::move(pending);
  if (!s.is_null(i)) {
    model::PostPriority prio;
    prio.priority = s.text(i);
    prio.requested_ack = opt_bool(s, i + 1);
    prio.persistent_notifications = opt_bool(s, i + 2);
    p.priority = std::move(prio);
  }
  i += 3;
  p.reply_count = s.int64(i++);
  return p;
}

template <class Stmt>
void bind_optional_bool(Stmt& s, int idx, const std::optional<bool>& v) {
  if (v)
    s.bind(idx, *v);
  else
    s.bind_null(idx);
}

// Binds columns 2..20 of kPostColumns (everything after Id) starting at parameter `first`.
template <class Stmt>
void bind_post_fields(Stmt& s, const model::Post& p, int first) {
  int i = first;
  s.bind(i++, p.create_at);
  s.bind(i++, p.update_at);
  s.bind(i++, p.edit_at);
  s.bind(i++, p.delete_at);
  s.bind(i++, p.is_pinned);
  s.bind(i++, p.user_id);
  s.bind(i++, p.channel_id);
  s.bind(i++, p.root_id);
  s.bind(i++, p.original_id);
  s.bind(i++, p.message);
  s.bind(i++, p.type);
  s.bind(i++, to_text(p.props));
  s.bind(i++, p.hashtags);
  s.bind(i++, json_string_list(p.file_ids));
  s.bind(i++, p.has_reactions);
  s.bind(i++, p.pending_post_id);
  if (p.priority) {
    s.bind(i++, p.priority->priority);
    bind_optional_bool(s, i++, p.priority->requested_ack);
    bind_optional_bool(s, i++, p.priority->persistent_notifications);
  } else {
    s.bind_null(i++);
    s.bind_null(i++);
    s.bind_null(i++);
  }
}

// The reply rows of the threads (kThreadReplySelect, bound to the root ids) folded into one
// ThreadStats per root id, in the order of `root_ids`: the work of a COUNT, a MAX and a
// participants GROUP BY per root, done with one query for the whole page.
inline constexpr std::string_view kThreadReplyColumns =
    "SELECT RootId, UserId, CreateAt FROM Posts ";

template <class Stmt>
std::vector<ThreadStats> fold_thread_stats(Stmt& s, const std::vector<std::string>& root_ids) {
  struct Acc {
    ThreadStats stats;
    std::map<std::string, int64_t> first_reply;  // user -> their first reply
  };
  std::map<std::string, Acc> by_root;
  while (s.step()) {
    auto& a = by_root[s.text(0)];
    int64_t at = s.int64(2);
    ++a.stats.reply_count;
    a.stats.last_reply_at = std::max(a.stats.last_reply_at, at);
    auto [it, fresh] = a.first_reply.try_emplace(s.text(1), at);
    if (!fresh) it->second = std::min(it->second, at);
  }
  std::vector<ThreadStats> out;
  out.reserve(root_ids.size());
  for (const auto& id : root_ids) {
    auto it = by_root.find(id);
    if (it == by_root.end()) {
      out.emplace_back();
      continue;
    }
    std::vector<std::pair<int64_t, std::string>> order;
    for (auto& [user, at] : it->second.first_reply) order.emplace_back(at, user);
    std::sort(order.begin(), order.end());
    for (auto& [at, user] : order) it->second.stats.participants.push_back(std::move(user));
    out.push_back(std::move(it->second.stats));
  }
  return out;
}

}  // namespace parley::store::sql
