// Direct JSON writer for posts; the field order and escaping follow model::to_json exactly
// (tests/unit/model/post_writer_test.cpp compares the two byte for byte).
#include "model/post_writer.h"

#include "model/emoji.h"
#include "model/file_info.h"

#include <boost/json/serialize.hpp>

#include <charconv>

namespace parley::model {
namespace {

namespace bj = boost::json;

void append_int(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void append_bool(std::string& out, bool v) {
  out += v ? "true" : "false";
}

// `"key":` (keys are literals that need no escaping).
void key(std::string& out, std::string_view k, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += k;
  out += "\":";
}

void string_field(std::string& out, std::string_view k, std::string_view v) {
  key(out, k);
  append_json_string(out, v);
}

void int_field(std::string& out, std::string_view k, int64_t v) {
  key(out, k);
  append_int(out, v);
}

void append_value(std::string& out, const bj::value& v) {
  out += bj::serialize(v);
}

void append_reaction(std::string& out, const Reaction& r) {
  out += "{\"user_id\":";
  append_json_string(out, r.user_id);
  string_field(out, "post_id", r.post_id);
  string_field(out, "emoji_name", r.emoji_name);
  int_field(out, "create_at", r.create_at);
  int_field(out, "update_at", r.update_at);
  int_field(out, "delete_at", r.delete_at);
  string_field(out, "remote_id", "");
  string_field(out, "channel_id", r.channel_id);
  out += '}';
}

template <class T, class F>
void array(std::string& out, const std::vector<T>& items, F each) {
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    first = false;
    each(item);
  }
  out += ']';
}

void append_metadata(std::string& out, const Post& p) {
  out += '{';
  bool first = true;
  auto next = [&](std::string_view k) {
    key(out, k, first);
    first = false;
  };
  if (!p.reactions.empty()) {
    next("reactions");
    array(out, p.reactions, [&](const Reaction& r) { append_reaction(out, r); });
  }
  if (!p.files.empty()) {
    next("files");
    array(out, p.files, [&](const FileInfo& f) { append_value(out, to_json(f)); });
  }
  if (p.priority) {
    next("priority");
    append_value(out, to_json(*p.priority));
  }
  if (!p.embeds.empty()) {
    next("embeds");
    array(out, p.embeds, [&](const PostEmbed& e) {
      out += "{\"type\":";
      append_json_string(out, e.type);
      if (!e.url.empty()) string_field(out, "url", e.url);
      if (!e.data.is_null()) {
        key(out, "data");
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
    array(out, p.emojis, [&](const Emoji& e) { append_value(out, to_json(e)); });
  }
  out += '}';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void append_json(std::string& out, const Post& p) {
  out += "{\"id\":";
  append_json_string(out, p.id);
  int_field(out, "create_at", p.create_at);
  int_field(out, "update_at", p.update_at);
  int_field(out, "edit_at", p.edit_at);
  int_field(out, "delete_at", p.delete_at);
  key(out, "is_pinned");
  append_bool(out, p.is_pinned);
  string_field(out, "user_id", p.user_id);
  string_field(out, "channel_id", p.channel_id);
  string_field(out, "root_id", p.root_id);
  string_field(out, "original_id", p.original_id);
  string_field(out, "message", p.message);
  string_field(out, "type", p.type);
  key(out, "props");
  append_value(out, p.props);
  string_field(out, "hashtags", p.hashtags);
  key(out, "file_ids");
  array(out, p.file_ids, [&](const std::string& f) { append_json_string(out, f); });
  string_field(out, "pending_post_id", p.pending_post_id);
  if (p.has_reactions) out += ",\"has_reactions\":true";
  int_field(out, "reply_count", p.reply_count);
  int_field(out, "last_reply_at", p.last_reply_at);
  key(out, "participants");
  if (p.participants)
    array(out, *p.participants, [&](const bj::object& u) { append_value(out, u); });
  else
    out += "null";
  if (p.is_following) {
    key(out, "is_following");
    append_bool(out, *p.is_following);
  }
  key(out, "metadata");
  append_metadata(out, p);
  out += '}';
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
  out += "{\"order\":";
  array(out, l.order, [&](const std::string& id) { append_json_string(out, id); });
  out += ",\"posts\":{";
  bool first = true;
  for (const auto& [id, p] : l.posts) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, id);
    out += ':';
    append_json(out, p);
  }
  out += '}';
  string_field(out, "next_post_id", l.next_post_id);
  string_field(out, "prev_post_id", l.prev_post_id);
  if (l.has_next) {
    key(out, "has_next");
    append_bool(out, *l.has_next);
  }
  int_field(out, "first_inaccessible_post_time", l.first_inaccessible_post_time);
  out += '}';
  return out;
}

}  // namespace parley::model
