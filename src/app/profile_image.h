// Profile pictures. Until uploads exist every user has Mattermost's generated default: the
// upper-cased first letter of the username in white on a colour chosen from the user id.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/user.h"
#include "util/app_error.h"

#include <array>
#include <cstdint>
#include <string>

namespace parley::app {

inline constexpr uint32_t kProfileImageSize = 128;  // pixels per side

// The background colour for a user id (FNV-1a of the id over Mattermost's palette).
std::array<uint8_t, 3> profile_colour(const std::string& user_id);
// The generated 128x128 PNG.
std::string default_profile_image(const model::User& u);
// The user whose picture `actor` asks for: 404 when unknown, 403 without view_members.
Result<model::User> profile_image_user(App& app, const model::Session& actor,
                                       const std::string& user_id);

}  // namespace parley::app
