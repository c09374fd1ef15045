// Draft JSON both ways.
#include "model/draft.h"

#include "util/json.h"

#include <algorithm>

namespace parley::model {

namespace bj = boost::json;

bj::object to_json(const Draft& d) {
  bj::object o;
  o["create_at"] = d.create_at;
  o["update_at"] = d.update_at;
  o["delete_at"] = d.delete_at;
  o["user_id"] = d.user_id;
  o["channel_id"] = d.channel_id;
  o["root_id"] = d.root_id;
  o["message"] = d.message;
  o["props"] = d.props;
  if (!d.file_ids.empty()) o["file_ids"] = bj::array(d.file_ids.begin(), d.file_ids.end());
  if (d.with_metadata) o["metadata"] = bj::object{};
  if (!d.priority.empty()) o["priority"] = d.priority;
  return o;
}

std::optional<Draft> draft_from_json(const bj::object& o) {
  Draft d;
  bool wrong = false;
  auto str = [&](std::string_view k, std::string& f) {
    if (auto v = json::opt_string(o, k, &wrong)) f = *v;
  };
  str("user_id", d.user_id);
  str("channel_id", d.channel_id);
  str("root_id", d.root_id);
  str("message", d.message);
  if (auto v = json::opt_int(o, "create_at", &wrong)) d.create_at = *v;
  if (auto v = json::opt_int(o, "update_at", &wrong)) d.update_at = *v;
  json::opt_int(o, "delete_at", &wrong);
  auto object_field = [&](std::string_view k, bj::object& f) {
    auto it = o.find(k);
    if (it == o.end() || it->value().is_null()) return;
    if (!it->value().is_object()) {
      wrong = true;
      return;
    }
    f = it->value().get_object();
  };
  object_field("props", d.props);
  object_field("priority", d.priority);
  if (auto it = o.find("file_ids"); it != o.end() && !it->value().is_null()) {
    auto ids = json::string_array(it->value());
    if (!ids) return std::nullopt;
    // Duplicates are dropped as Mattermost does (a client bug sends some).
    for (auto& id : *ids)
      if (std::find(d.file_ids.begin(), d.file_ids.end(), id) == d.file_ids.end())
        d.file_ids.push_back(std::move(id));
  }
  if (wrong) return std::nullopt;
  return d;
}

}  // namespace parley::model
