// User JSON written straight into a string: the same bytes as
// boost::json::serialize(to_json(u, view)) (model/user.h), for GET /users/{id} and /users/me.
#pragma once

#include "model/user.h"

#include <string>

namespace parley::model {

std::string to_json_text(const User& u, const UserView& view);

}  // namespace parley::model
