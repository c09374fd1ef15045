// Post and PostPatch decoding with type checks on every field a client may send.
#include "api/post_json.h"

#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

// Reads an optional array of strings; sets *wrong on a type mismatch.
std::optional<std::vector<std::string>> opt_strings(const bj::object& o, std::string_view key,
                                                    bool* wrong) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  auto a = json::string_array(it->value());
  if (!a) *wrong = true;
  return a;
}

std::optional<bj::object> opt_object(const bj::object& o, std::string_view key, bool* wrong) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_object()) {
    *wrong = true;
    return std::nullopt;
  }
  return it->value().get_object();
}

}  // namespace

std::optional<DecodedPost> post_from_json(const bj::object& o) {
  DecodedPost d;
  auto& p = d.post;
  bool wrong = false;
  auto str = [&](std::string_view k, std::string& f) {
    if (auto v = json::opt_string(o, k, &wrong)) f = *v;
  };
  auto num = [&](std::string_view k, int64_t& f) {
    if (auto v = json::opt_int(o, k, &wrong)) f = *v;
  };
  str("id", p.id);
  num("create_at", p.create_at);
  num("update_at", p.update_at);
  num("edit_at", p.edit_at);
  num("delete_at", p.delete_at);
  if (auto v = json::opt_bool(o, "is_pinned", &wrong)) p.is_pinned = *v;
  str("user_id", p.user_id);
  str("channel_id", p.channel_id);
  str("root_id", p.root_id);
  str("original_id", p.original_id);
  str("message", p.message);
  str("type", p.type);
  str("hashtags", p.hashtags);
  str("pending_post_id", p.pending_post_id);
  if (auto v = json::opt_bool(o, "has_reactions", &wrong)) p.has_reactions = *v;
  if (auto v = opt_object(o, "props", &wrong)) p.props = std::move(*v);
  if (auto v = opt_strings(o, "file_ids", &wrong)) {
    p.file_ids = std::move(*v);
    d.has_file_ids = true;
  }
  if (auto meta = opt_object(o, "metadata", &wrong)) {
    if (auto prio = opt_object(*meta, "priority", &wrong)) {
      model::PostPriority pp;
      if (auto v = json::opt_string(*prio, "priority", &wrong)) pp.priority = *v;
      pp.requested_ack = json::opt_bool(*prio, "requested_ack", &wrong);
      pp.persistent_notifications = json::opt_bool(*prio, "persistent_notifications", &wrong);
      p.priority = std::move(pp);
    }
  }
  if (wrong) return std::nullopt;
  return d;
}

std::optional<app::PostPatch> patch_from_json(const bj::object& o) {
  app::PostPatch patch;
  bool wrong = false;
  patch.is_pinned = json::opt_bool(o, "is_pinned", &wrong);
  patch.message = json::opt_string(o, "message", &wrong);
  patch.props = opt_object(o, "props", &wrong);
  patch.file_ids = opt_strings(o, "file_ids", &wrong);
  patch.has_reactions = json::opt_bool(o, "has_reactions", &wrong);
  if (wrong) return std::nullopt;
  return patch;
}

}  // namespace parley::api
