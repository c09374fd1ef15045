// Channel JSON encoding, DM/group names and the channel name rules.
#include "model/channel.h"

#include "util/ids.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace parley::model {

std::string ChannelMember::roles() const {
  std::string r;
  auto add = [&](std::string_view s) {
    if (!r.empty()) r += ' ';
    r += s;
  };
  if (scheme_guest) add("channel_guest");
  if (scheme_user) add("channel_user");
  if (scheme_admin) add("channel_admin");
  if (!explicit_roles.empty()) add(explicit_roles);
  return r;
}

boost::json::object default_channel_notify_props() {
  return {{"desktop", "default"},
          {"push", "default"},
          {"email", "default"},
          {"mark_unread", "all"},
          {"ignore_channel_mentions", "default"},
          {"channel_auto_follow_threads", "off"},
          {"desktop_threads", "default"},
          {"push_threads", "default"}};
}

std::string direct_channel_name(const std::string& a, const std::string& b) {
  return a < b ? a + "__" + b : b + "__" + a;
}

std::string group_channel_name(std::vector<std::string> user_ids) {
  std::sort(user_ids.begin(), user_ids.end());
  std::string joined;
  for (const auto& id : user_ids) joined += id;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  if (EVP_Digest(joined.data(), joined.size(), digest.data(), &len, EVP_sha1(), nullptr) != 1)
    throw std::runtime_error("EVP_Digest failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string group_channel_display_name(std::vector<std::string> usernames) {
  std::sort(usernames.begin(), usernames.end());
  std::string name;
  for (const auto& u : usernames) {
    if (!name.empty()) name += ", ";
    name += u;
  }
  if (name.size() > kChannelNameMaxLength) name.resize(kChannelNameMaxLength);
  return name;
}

bool is_valid_channel_name(std::string_view s) {
  // ^[a-z0-9]+([a-z\-\_0-9]+|(__)?)[a-z0-9]*$ and at most 64 bytes.
  if (s.empty() || s.size() > kChannelNameMaxLength) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front())) return false;
  for (char c : s)
    if (!alnum(c) && c != '-' && c != '_') return false;
  return true;
}

bool looks_like_dm_or_group_name(std::string_view name) {
  if (name.size() == 40 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      }))
    return true;
  auto sep = name.find("__");
  if (sep == std::string_view::npos) return false;
  auto a = name.substr(0, sep);
  auto b = name.substr(sep + 2);
  return b.find("__") == std::string_view::npos && is_valid_id(a) && is_valid_id(b);
}

boost::json::object to_json(const Channel& c) {
  return {{"id", c.id},
          {"create_at", c.create_at},
          {"update_at", c.update_at},
          {"delete_at", c.delete_at},
          {"team_id", c.team_id},
          {"type", c.type},
          {"display_name", c.display_name},
          {"name", c.name},
          {"header", c.header},
          {"purpose", c.purpose},
          {"last_post_at", c.last_post_at},
          {"total_msg_count", c.total_msg_count},
          {"extra_update_at", c.extra_update_at},
          {"creator_id", c.creator_id},
          {"scheme_id",
           c.scheme_id.empty() ? boost::json::value(nullptr) : boost::json::value(c.scheme_id)},
          {"props", c.props.empty() ? boost::json::value(nullptr) : boost::json::value(c.props)},
          {"group_constrained", c.group_constrained},
          {"shared", c.shared},
          {"total_msg_count_root", c.total_msg_count_root},
          {"policy_id", nullptr},
          {"last_root_post_at", c.last_root_post_at}};
}

boost::json::object to_json(const ChannelMember& m, bool private_times) {
  boost::json::object o{{"channel_id", m.channel_id},
                        {"user_id", m.user_id},
                        {"roles", m.roles()},
                        {"last_viewed_at", m.last_viewed_at},
                        {"msg_count", m.msg_count},
                        {"mention_count", m.mention_count},
                        {"mention_count_root", m.mention_count_root},
                        {"urgent_mention_count", m.urgent_mention_count},
                        {"msg_count_root", m.msg_count_root},
                        {"notify_props", m.notify_props},
                        {"last_update_at", m.last_update_at},
                        {"scheme_guest", m.scheme_guest},
                        {"scheme_user", m.scheme_user},
                        {"scheme_admin", m.scheme_admin},
                        {"explicit_roles", m.explicit_roles}};
  if (!private_times) {
    o.erase("last_viewed_at");
    o.erase("last_update_at");
  }
  return o;
}

boost::json::object to_json(const ChannelUnread& u) {
  return {{"team_id", u.team_id},
          {"channel_id", u.channel_id},
          {"msg_count", u.msg_count},
          {"mention_count", u.mention_count},
          {"mention_count_root", u.mention_count_root},
          {"urgent_mention_count", u.urgent_mention_count},
          {"msg_count_root", u.msg_count_root}};
}

boost::json::object to_json(const ChannelUnreadAt& u) {
  auto o = to_json(u.counts);
  o["user_id"] = u.user_id;
  o["last_viewed_at"] = u.last_viewed_at;
  return o;
}

}  // namespace parley::model
