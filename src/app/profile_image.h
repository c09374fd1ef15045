// Profile pictures: an uploaded picture (users/{id}/profile.png in the file store, cropped to
// 128x128 PNG as Mattermost does) or, without one, Mattermost's generated default: the
// upper-cased first letter of the username in white on a colour chosen from the user id.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/user.h"
#include "util/app_error.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley::app {

inline constexpr uint32_t kProfileImageSize = 128;  // pixels per side

// The background colour for a user id (FNV-1a of the id over Mattermost's palette).
std::array<uint8_t, 3> profile_colour(const std::string& user_id);
// The generated 128x128 PNG.
std::string default_profile_image(const model::User& u);
// The user whose picture `actor` asks for: 404 when unknown, 403 without view_members.
Result<model::User> profile_image_user(App& app, const model::Session& actor,
                                       const std::string& user_id);

// The picture shown for the user: the uploaded one, else the generated default.
std::string profile_image(App& app, const model::User& u);
// Stores a new picture (any image libvips decodes, centre-cropped to 128x128 PNG), sets
// last_picture_update and publishes user_updated. 403 without edit_other_users for another
// user, 501 without a file store, 400 api.user.upload_profile_user.decode.app_error.
Status set_profile_image(App& app, const model::Session& actor, const std::string& user_id,
                         std::string_view image);
// Removes the uploaded picture; last_picture_update becomes minus the time (Mattermost's
// ResetLastPictureUpdate), so cached URLs change and the default shows again.
Status set_default_profile_image(App& app, const model::Session& actor, const std::string& user_id);

}  // namespace parley::app
