// bcrypt password hashing as Mattermost stores it ($2a$, cost 10), via libxcrypt.
#pragma once

#include <string>
#include <string_view>

namespace parley {

std::string hash_password(std::string_view password);
bool check_password(std::string_view hash, std::string_view password);

}  // namespace parley
