// Default profile picture generation: a solid square with one glyph from a 5x7 bitmap font,
// scaled up and centred.
#include "app/profile_image.h"

#include "app/authorization.h"
#include "app/files.h"
#include "app/users.h"
#include "files/backend.h"
#include "files/vips_api.h"
#include "store/user_store.h"
#include "util/ids.h"
#include "util/png.h"

#include <cctype>
#include <string_view>

namespace parley::app {
namespace {

// The background colours Mattermost picks from (as RGB).
constexpr std::array<std::array<uint8_t, 3>, 26> kPalette = {{
    {197, 8, 126},  {227, 207, 18}, {28, 181, 105}, {35, 188, 224}, {116, 49, 196}, {197, 8, 126},
    {197, 19, 19},  {250, 134, 6},  {227, 207, 18}, {123, 201, 71}, {28, 181, 105}, {35, 188, 224},
    {116, 49, 196}, {197, 8, 126},  {197, 19, 19},  {250, 134, 6},  {227, 207, 18}, {123, 201, 71},
    {28, 181, 105}, {35, 188, 224}, {116, 49, 196}, {197, 8, 126},  {197, 19, 19},  {250, 134, 6},
    {227, 207, 18}, {123, 201, 71},
}};

constexpr int kGlyphWidth = 5;
constexpr int kGlyphHeight = 7;
constexpr int kScale = 10;

struct Glyph {
  char ch;
  std::array<std::string_view, kGlyphHeight> rows;
};

// clang-format off
constexpr Glyph kFont[] = {
    {'A', {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    {'B', {"####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."}},
    {'C', {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}},
    {'D', {"####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."}},
    {'E', {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}},
    {'F', {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}},
    {'G', {".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."}},
    {'H', {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    {'I', {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'J', {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}},
    {'K', {"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"}},
    {'L', {"#....", "#....", "#....", "#....", "#....", "#....", "#####"}},
    {'M', {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}},
    {'N', {"#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"}},
    {'O', {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    {'P', {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."}},
    {'Q', {".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"}},
    {'R', {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}},
    {'S', {".####", "#....", "#....", ".###.", "....#", "....#", "####."}},
    {'T', {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}},
    {'U', {"#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    {'V', {"#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."}},
    {'W', {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."}},
    {'X', {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}},
    {'Y', {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}},
    {'Z', {"#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"}},
    {'0', {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}},
    {'1', {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'2', {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}},
    {'3', {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."}},
    {'4', {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}},
    {'5', {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}},
    {'6', {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}},
    {'7', {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}},
    {'8', {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}},
    {'9', {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}},
    {'?', {".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."}},
};
// clang-format on

std::string picture_path(std::string_view user_id) {
  return "users/" + std::string(user_id) + "/profile.png";
}

AppError no_storage(std::string_view id) {
  return AppError::make(std::string(id), "Unable to upload file. Image storage is not configured.",
                        501);
}

AppError undecodable() {
  return AppError::make("api.user.upload_profile_user.decode.app_error",
                        "Could not decode profile image.", 400);
}

// Centre-crops and scales the image to kProfileImageSize square, as PNG.
Result<std::string> profile_png(std::string_view data) {
  const files::VipsApi* v = files::vips_api();
  if (!v) return undecodable();
  VipsImage* raw = nullptr;
  if (v->thumbnail_buffer(const_cast<char*>(data.data()), data.size(), &raw,
                          static_cast<int>(kProfileImageSize), "height",
                          static_cast<int>(kProfileImageSize), "crop", VIPS_INTERESTING_CENTRE,
                          "size", VIPS_SIZE_FORCE, nullptr) != 0) {
    v->error_clear();
    return undecodable();
  }
  files::VipsImagePtr image(raw);
  void* out = nullptr;
  size_t out_len = 0;
  int rc = v->pngsave_buffer(image.get(), &out, &out_len, nullptr);
  files::VipsBuffer owned(out);
  if (rc != 0) {
    v->error_clear();
    return AppError::make("api.user.upload_profile_user.encode.app_error",
                          "Could not encode profile image.", 500);
  }
  return std::string(static_cast<const char*>(out), out_len);
}

// The user whose picture `actor` may change.
Result<model::User> editable_user(App& app, const model::Session& actor,
                                  const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  return get_user(app, user_id);
}

const Glyph& glyph_for(char c) {
  char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& g : kFont)
    if (g.ch == upper) return g;
  return kFont[std::size(kFont) - 1];  // '?'
}

}  // namespace

std::array<uint8_t, 3> profile_colour(const std::string& user_id) {
  uint32_t hash = 2166136261u;  // FNV-1a, 32 bits
  for (unsigned char c : user_id) {
    hash ^= c;
    hash *= 16777619u;
  }
  return kPalette[hash % kPalette.size()];
}

std::string default_profile_image(const model::User& u) {
  const auto colour = profile_colour(u.id);
  constexpr uint32_t n = kProfileImageSize;
  std::string rgb(std::size_t{n} * n * 3, '\0');
  for (std::size_t i = 0; i < rgb.size(); i += 3)
    for (int k = 0; k < 3; ++k) rgb[i + k] = static_cast<char>(colour[k]);
  const Glyph& g = glyph_for(u.username.empty() ? '?' : u.username[0]);
  const int left = (static_cast<int>(n) - kGlyphWidth * kScale) / 2;
  const int top = (static_cast<int>(n) - kGlyphHeight * kScale) / 2;
  for (int gy = 0; gy < kGlyphHeight; ++gy) {
    for (int gx = 0; gx < kGlyphWidth; ++gx) {
      if (g.rows[gy][gx] != '#') continue;
      for (int y = top + gy * kScale; y < top + (gy + 1) * kScale; ++y)
        for (int x = left + gx * kScale; x < left + (gx + 1) * kScale; ++x)
          rgb.replace((std::size_t{static_cast<std::size_t>(y)} * n + x) * 3, 3, "\xff\xff\xff");
    }
  }
  return png::encode_rgb(n, n, rgb);
}

std::string profile_image(App& app, const model::User& u) {
  if (u.last_picture_update > 0)
    if (auto* backend = configured_file_store(app))
      if (auto bytes = backend->read(picture_path(u.id))) return std::move(*bytes);
  return default_profile_image(u);
}

Status set_profile_image(App& app, const model::Session& actor, const std::string& user_id,
                         std::string_view image) {
  auto u = editable_user(app, actor, user_id);
  if (!u) return std::move(u).error();
  auto* backend = configured_file_store(app);
  if (!backend) return no_storage("api.user.upload_profile_user.storage.app_error");
  auto png = profile_png(image);
  if (!png) return std::move(png).error();
  if (auto w = backend->write(picture_path(user_id), *png); !w)
    return AppError::make("api.user.upload_profile_user.upload_profile.app_error",
                          "Couldn't upload profile image.", 500);
  u->last_picture_update = now_ms();
  u->update_at = u->last_picture_update;
  app.store().users().update(*u);
  publish_user_updated(app, *u);
  return {};
}

Status set_default_profile_image(App& app, const model::Session& actor,
                                 const std::string& user_id) {
  auto u = editable_user(app, actor, user_id);
  if (!u) return std::move(u).error();
  auto* backend = configured_file_store(app);
  if (!backend) return no_storage("api.user.upload_profile_user.storage.app_error");
  (void)backend->remove(picture_path(user_id));
  u->last_picture_update = -now_ms();
  u->update_at = -u->last_picture_update;
  app.store().users().update(*u);
  publish_user_updated(app, *u);
  return {};
}

Result<model::User> profile_image_user(App& app, const model::Session& actor,
                                       const std::string& user_id) {
  if (actor.user_id != user_id && !has_permission(actor, "view_members"))
    return errors::permission("view_members", actor.user_id);
  return get_user(app, user_id);
}

}  // namespace parley::app
