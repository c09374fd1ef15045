// Sidebar category JSON and ids.
#include "model/sidebar.h"

#include "util/ids.h"
#include "util/json.h"

namespace parley::model {

namespace bj = boost::json;

boost::json::object to_json(const SidebarCategory& c) {
  bj::array channels(c.channel_ids.begin(), c.channel_ids.end());
  return {{"id", c.id},
          {"user_id", c.user_id},
          {"team_id", c.team_id},
          {"sort_order", c.sort_order},
          {"sorting", c.sorting},
          {"type", c.type},
          {"display_name", c.display_name},
          {"muted", c.muted},
          {"collapsed", c.collapsed},
          {"channel_ids", std::move(channels)}};
}

std::optional<SidebarCategory> sidebar_category_from_json(const boost::json::value& v) {
  if (!v.is_object()) return std::nullopt;
  const auto& o = v.get_object();
  SidebarCategory c;
  bool wrong = false;
  c.id = json::opt_string(o, "id", &wrong).value_or("");
  c.user_id = json::opt_string(o, "user_id", &wrong).value_or("");
  c.team_id = json::opt_string(o, "team_id", &wrong).value_or("");
  c.sort_order = json::opt_int(o, "sort_order", &wrong).value_or(0);
  c.sorting = json::opt_string(o, "sorting", &wrong).value_or("");
  c.type = json::opt_string(o, "type", &wrong).value_or("");
  c.display_name = json::opt_string(o, "display_name", &wrong).value_or("");
  c.muted = json::opt_bool(o, "muted", &wrong).value_or(false);
  c.collapsed = json::opt_bool(o, "collapsed", &wrong).value_or(false);
  if (wrong) return std::nullopt;
  if (auto it = o.find("channel_ids"); it != o.end() && !it->value().is_null()) {
    auto ids = json::string_array(it->value());
    if (!ids) return std::nullopt;
    c.channel_ids = std::move(*ids);
  }
  return c;
}

std::string default_category_id(std::string_view type, std::string_view user_id,
                                std::string_view team_id) {
  std::string id(type);
  id.append("_").append(user_id).append("_").append(team_id);
  return id;
}

bool is_valid_category_id(std::string_view id) {
  if (is_valid_id(id)) return true;
  for (std::string_view type :
       {sidebar::kFavorites, sidebar::kChannels, sidebar::kDirectMessages}) {
    if (id.size() != type.size() + 54 || !id.starts_with(type)) continue;
    std::string_view rest = id.substr(type.size());
    if (rest[0] != '_' || rest[27] != '_') continue;
    if (is_valid_id(rest.substr(1, 26)) && is_valid_id(rest.substr(28, 26))) return true;
  }
  return false;
}

}  // namespace parley::model
