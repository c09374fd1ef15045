// Direct JSON writer for posts; the field order and escaping follow model::to_json exactly
// (tests/unit/model/post_writer_test.cpp compares the two byte for byte).
#include "model/post_writer.h"

#include "model/emoji.h"
#include "model/file_info.h"
#include "util/json_writer.h"

namespace parley::model {
namespace {

namespace bj = boost::json;
using json::append_array;
using json::append_bool;
using json::append_int;
using json::append_value;

using json::append_int_field;
using json::append_key;
using json::append_string_field;

void append_reaction(std::string& out, const Reaction& r) {
  out += "{\"user_id\":";
  append_json_string(out, r.user_id);
  append_string_field(out, "post_id", r.post_id);
  append_string_field(out, "emoji_name", r.emoji_name);
  append_int_field(out, "create_at", r.create_at);
  append_int_field(out, "update_at", r.update_at);
  append_int_field(out, "delete_at", r.delete_at);
  append_string_field(out, "remote_id", "");
  append_string_field(out, "channel_id", r.channel_id);
  out += '}';
}

void append_metadata(std::string& out, const Post& p) {
  out += '{';
  bool first = true;
  auto next = [&](std::string_view k) {
    append_key(out, k, first);
    first = false;
  };
  if (!p.reactions.empty()) {
    next("reactions");
    append_array(out, p.reactions, [&](const Reaction& r) { append_reaction(out, r); });
  }
  if (!p.files.empty()) {
    next("files");
    append_array(out, p.files, [&](const FileInfo& f) { append_value(out, to_json(f)); });
  }
  if (p.priority) {
    next("priority");
    append_value(out, to_json(*p.priority));
  }
  if (!p.embeds.empty()) {
    next("embeds");
    append_array(out, p.embeds, [&](const PostEmbed& e) {
      out += "{\"type\":";
      append_json_string(out, e.type);
      if (!e.url.empty()) append_string_field(out, "url", e.url);
      if (!e.data.is_null()) {
        append_key(out, "data");
        append_value(out, e.data);
      }
      out += '}';
    });
  }
  if (!p.images.empty()) {
    next("images");
    append_value(out, p.images);
  }
  if (!p.emojis.empty()) {
    next("emojis");
    append_array(out, p.emojis, [&](const Emoji& e) { append_value(out, to_json(e)); });
  }
  out += '}';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  json::append_string(out, s);
}

namespace {

// A post's fields up to "is_following" (the per-user field a channel page leaves open).
void append_head(std::string& out, const Post& p) {
  out += "{\"id\":";
  append_json_string(out, p.id);
  append_int_field(out, "create_at", p.create_at);
  append_int_field(out, "update_at", p.update_at);
  append_int_field(out, "edit_at", p.edit_at);
  append_int_field(out, "delete_at", p.delete_at);
  append_key(out, "is_pinned");
  append_bool(out, p.is_pinned);
  append_string_field(out, "user_id", p.user_id);
  append_string_field(out, "channel_id", p.channel_id);
  append_string_field(out, "root_id", p.root_id);
  append_string_field(out, "original_id", p.original_id);
  append_string_field(out, "message", p.message);
  append_string_field(out, "type", p.type);
  append_key(out, "props");
  append_value(out, p.props);
  append_string_field(out, "hashtags", p.hashtags);
  append_key(out, "file_ids");
  append_array(out, p.file_ids, [&](const std::string& f) { append_json_string(out, f); });
  append_string_field(out, "pending_post_id", p.pending_post_id);
  if (p.has_reactions) out += ",\"has_reactions\":true";
  append_int_field(out, "reply_count", p.reply_count);
  append_int_field(out, "last_reply_at", p.last_reply_at);
  append_key(out, "participants");
  if (p.participants)
    append_array(out, *p.participants, [&](const bj::object& u) { append_value(out, u); });
  else
    out += "null";
}

void append_following(std::string& out, bool following) {
  append_key(out, "is_following");
  append_bool(out, following);
}

void append_tail(std::string& out, const Post& p) {
  append_key(out, "metadata");
  append_metadata(out, p);
  out += '}';
}

// The list's JSON; `post` writes each post.
template <class WritePost>
void append_list(std::string& out, const PostList& l, WritePost post) {
  out += "{\"order\":";
  append_array(out, l.order, [&](const std::string& id) { append_json_string(out, id); });
  out += ",\"posts\":{";
  bool first = true;
  for (const auto& [id, p] : l.posts) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, id);
    out += ':';
    post(p);
  }
  out += '}';
  append_string_field(out, "next_post_id", l.next_post_id);
  append_string_field(out, "prev_post_id", l.prev_post_id);
  if (l.has_next) {
    append_key(out, "has_next");
    append_bool(out, *l.has_next);
  }
  append_int_field(out, "first_inaccessible_post_time", l.first_inaccessible_post_time);
  out += '}';
}

}  // namespace

void append_json(std::string& out, const Post& p) {
  append_head(out, p);
  if (p.is_following) append_following(out, *p.is_following);
  append_tail(out, p);
}

std::string to_json_text(const Post& p) {
  std::string out;
  out.reserve(1024);
  append_json(out, p);
  return out;
}

std::string to_json_text(const PostList& l) {
  std::string out;
  out.reserve(512 + l.posts.size() * 512);
  append_list(out, l, [&](const Post& p) { append_json(out, p); });
  return out;
}

PostListPieces to_json_pieces(const PostList& l) {
  PostListPieces pieces;
  std::string out;
  out.reserve(512 + l.posts.size() * 512);
  append_list(out, l, [&](const Post& p) {
    append_head(out, p);
    if (p.root_id.empty()) {
      pieces.text.push_back(std::move(out));
      pieces.following_of.push_back(p.id);
      out.clear();
    }
    append_tail(out, p);
  });
  pieces.text.push_back(std::move(out));
  return pieces;
}

std::string join(const PostListPieces& pieces,
                 const std::unordered_map<std::string, bool>& following) {
  std::size_t size = 0;
  for (const auto& t : pieces.text) size += t.size();
  std::string out;
  out.reserve(size + following.size() * 24);
  for (std::size_t i = 0; i < pieces.text.size(); ++i) {
    out += pieces.text[i];
    if (i < pieces.following_of.size())
      if (auto it = following.find(pieces.following_of[i]); it != following.end())
        append_following(out, it->second);
  }
  return out;
}

}  // namespace parley::model
