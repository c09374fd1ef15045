// Post, PostList and Reaction with Mattermost's JSON, plus the pure helpers Mattermost keeps in
// its model package (hashtag extraction, message length, system message test).
#pragma once

#include "model/emoji.h"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "model/file_info.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::model {

struct Reaction {
  std::string user_id;
  std::string post_id;
  std::string emoji_name;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string channel_id;
};
// Oldest first, then by user id and emoji name: the order the stores list reactions in.
void sort_reactions(std::vector<Reaction>& reactions);

// metadata.priority; only root posts carry one.
struct PostPriority {
  std::string priority;  // "", "important", "urgent"
  std::optional<bool> requested_ack;
  std::optional<bool> persistent_notifications;
};

// metadata.embeds entry: "opengraph" (data = OpenGraph JSON), "image", "link",
// "message_attachment".
struct PostEmbed {
  std::string type;
  std::string url;
  boost::json::value data;  // null when absent
};

struct Post {
  std::string id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t edit_at = 0;
  int64_t delete_at = 0;
  bool is_pinned = false;
  std::string user_id;
  std::string channel_id;
  std::string root_id;
  std::string original_id;
  std::string message;
  std::string type;
  boost::json::object props;
  std::string hashtags;
  std::vector<std::string> file_ids;
  std::string pending_post_id;  // echoed on creation only
  bool has_reactions = false;
  std::optional<PostPriority> priority;

  // Filled when read for a client.
  int64_t reply_count = 0;
  int64_t last_reply_at = 0;
  // Thread participants as user JSON objects (null when not loaded).
  std::optional<std::vector<boost::json::object>> participants;
  std::optional<bool> is_following;
  std::vector<Reaction> reactions;  // metadata.reactions
  std::vector<PostEmbed> embeds;    // metadata.embeds
  boost::json::object images;       // metadata.images: url -> {width, height, format, ...}
  std::vector<Emoji> emojis;        // metadata.emojis: custom emoji in the message and reactions
  std::vector<FileInfo> files;      // metadata.files

  bool is_system_message() const { return type.starts_with("system_"); }
  // Join/leave system messages do not count as channel messages (Post.IsJoinLeaveMessage).
  bool is_join_leave() const;
  bool is_urgent() const { return priority && priority->priority == "urgent"; }
};

struct PostList {
  std::vector<std::string> order;  // newest first
  std::unordered_map<std::string, Post> posts;
  std::string next_post_id;
  std::string prev_post_id;
  std::optional<bool> has_next;
  int64_t first_inaccessible_post_time = 0;

  void add(Post p) { posts.insert_or_assign(p.id, std::move(p)); }
  void add_ordered(Post p) {
    order.push_back(p.id);
    add(std::move(p));
  }
  // Sorts order by create_at, newest first.
  void sort_by_create_at();
};

boost::json::object to_json(const Reaction& r);
boost::json::object to_json(const PostPriority& p);
boost::json::object to_json(const Post& p);
boost::json::object to_json(const PostList& l);

// Mattermost's ParseHashtags: space separated "#tags" found in the message (at most 1000 bytes).
std::string parse_hashtags(std::string_view message);

// Largest message in runes (PostMessageMaxRunesV2).
inline constexpr std::size_t kPostMessageMaxRunes = 16383;
// Longest emoji name a reaction may use (EmojiNameMaxLength).
inline constexpr std::size_t kEmojiNameMaxLength = 64;

}  // namespace parley::model
