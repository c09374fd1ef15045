// Role JSON encoding (the shape of Mattermost's model.Role).
#include "model/role.h"

#include <boost/json/array.hpp>

namespace parley::model {

boost::json::object to_json(const Role& r) {
  boost::json::object o;
  o["id"] = r.id;
  o["name"] = r.name;
  o["display_name"] = r.display_name;
  o["description"] = r.description;
  o["create_at"] = r.create_at;
  o["update_at"] = r.update_at;
  o["delete_at"] = r.delete_at;
  boost::json::array perms;
  perms.reserve(r.permissions.size());
  for (const auto& p : r.permissions) perms.emplace_back(p);
  o["permissions"] = std::move(perms);
  o["scheme_managed"] = r.scheme_managed;
  o["built_in"] = r.built_in;
  if (r.scheme_id.empty()) {
    o["scheme_id"] = nullptr;
  } else {
    o["scheme_id"] = r.scheme_id;
  }
  return o;
}

}  // namespace parley::model
