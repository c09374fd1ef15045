// Custom emoji JSON and name rules (see emoji.h); system names live in emoji_names.cpp.
#include "model/emoji.h"

#include <algorithm>

namespace parley::model {

boost::json::object to_json(const Emoji& e) {
  return {{"id", e.id},
          {"create_at", e.create_at},
          {"update_at", e.update_at},
          {"delete_at", e.delete_at},
          {"creator_id", e.creator_id},
          {"name", e.name}};
}

bool is_valid_custom_emoji_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '_';
  });
}

}  // namespace parley::model
