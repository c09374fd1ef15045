// /api/v4/emoji routes: create (multipart image + emoji JSON), list, get by id or name, image,
// delete, search, autocomplete and get by names (Client4's custom emoji calls).
#include "app/emoji.h"
#include "api/context.h"
#include "api/multipart.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/reactions.h"
#include "util/json.h"

#include <boost/json/array.hpp>

namespace parley::api {
namespace {

namespace bj = boost::json;

constexpr int kAutocompleteLimit = 100;  // EmojiMaxAutocompleteItems
constexpr int kSearchLimit = 200;        // PerPageMaximum

AppError disabled() {
  return AppError::make("api.emoji.disabled.app_error", "Custom emoji have been disabled.", 501);
}

Response emoji_list(const Result<std::vector<model::Emoji>>& r, const Context& c) {
  if (!r) return c.fail(r.error());
  bj::array a;
  for (const auto& e : *r) a.push_back(model::to_json(e));
  return json_response(a);
}

Response create_emoji(Context& c) {
  if (!c.app.config()->service.enable_custom_emoji) return c.fail(disabled());
  if (c.req.body.size() > app::kMaxEmojiFileSize)
    return c.fail(AppError::make("api.emoji.create.too_large.app_error",
                                 "Unable to create emoji. Image must be less than 512 KiB in size.",
                                 413));
  auto type = parse_multipart_content_type(c.req.header("content-type"));
  std::optional<std::vector<MultipartPart>> parts;
  if (type.type == MultipartType::ok) parts = parse_multipart(c.req.body, type.boundary);
  if (!parts)
    return c.fail(AppError::make("api.emoji.create.parse.app_error",
                                 "Unable to create emoji. Could not understand request.", 400,
                                 "request is not multipart/form-data"));
  if (!app::can_create_emoji(c.app, c.s()))
    return c.fail(errors::permission("create_emojis", c.s().user_id));
  const MultipartPart* emoji_field = nullptr;
  const MultipartPart* image = nullptr;
  for (const auto& p : *parts) {
    if (p.name == "emoji" && !emoji_field) emoji_field = &p;
    if (p.name == "image" && p.filename && !image) image = &p;
  }
  if (!emoji_field) return c.fail(errors::invalid_param("emoji"));
  auto parsed = json::parse(emoji_field->data);
  if (!parsed || !parsed->is_object()) return c.fail(errors::invalid_param("emoji"));
  bool wrong = false;
  model::Emoji emoji;
  emoji.creator_id = json::opt_string(parsed->as_object(), "creator_id", &wrong).value_or("");
  emoji.name = json::opt_string(parsed->as_object(), "name", &wrong).value_or("");
  if (wrong) return c.fail(errors::invalid_param("emoji"));
  auto created =
      app::create_emoji(c.app, c.s(), std::move(emoji), image ? image->data : std::string_view{});
  if (!created) return c.fail(created.error());
  return json_response(model::to_json(*created));
}

Response get_emoji_list(Context& c) {
  if (!c.app.config()->service.enable_custom_emoji) return c.fail(disabled());
  auto sort = c.req.query_param("sort");
  if (!sort.empty() && sort != "name") return c.fail(errors::invalid_url_param("sort"));
  return emoji_list(app::list_emoji(c.app, c.page(), c.per_page(), sort == "name"), c);
}

Response get_emoji(Context& c) {
  auto id = c.id_param("emoji_id");
  if (!id) return c.fail(errors::invalid_url_param("emoji_id"));
  if (!c.app.config()->service.enable_custom_emoji) return c.fail(disabled());
  auto e = app::get_emoji(c.app, *id);
  if (!e) return c.fail(e.error());
  return json_response(model::to_json(*e));
}

Response get_emoji_by_name(Context& c) {
  auto name = c.param("emoji_name");
  if (!app::valid_emoji_name(name)) return c.fail(errors::invalid_url_param("emoji_name"));
  auto e = app::get_emoji_by_name(c.app, name);
  if (!e) return c.fail(e.error());
  return json_response(model::to_json(*e));
}

Response get_emoji_image(Context& c) {
  auto id = c.id_param("emoji_id");
  if (!id) return c.fail(errors::invalid_url_param("emoji_id"));
  if (!c.app.config()->service.enable_custom_emoji) return c.fail(disabled());
  auto image = app::get_emoji_image(c.app, *id);
  if (!image) return c.fail(image.error());
  Response r;
  r.content_type = "image/" + image->format;
  r.body = std::move(image->bytes);
  r.set_header("Cache-Control", "max-age=2592000, private");
  return r;
}

Response delete_emoji(Context& c) {
  auto id = c.id_param("emoji_id");
  if (!id) return c.fail(errors::invalid_url_param("emoji_id"));
  if (auto st = app::delete_emoji(c.app, c.s(), *id); !st) return c.fail(st.error());
  return status_ok();
}

Response search_emoji(Context& c) {
  auto body = c.body_object("term");
  if (!body) return c.fail(body.error());
  bool wrong = false;
  auto term = json::opt_string(*body, "term", &wrong).value_or("");
  bool prefix_only = false;
  if (auto it = body->find("prefix_only"); it != body->end() && !it->value().is_null()) {
    if (!it->value().is_bool())
      wrong = true;
    else
      prefix_only = it->value().as_bool();
  }
  if (wrong || term.empty()) return c.fail(errors::invalid_param("term"));
  return emoji_list(app::search_emoji(c.app, term, prefix_only, kSearchLimit), c);
}

Response autocomplete_emoji(Context& c) {
  std::string name(c.req.query_param("name"));
  if (name.empty()) return c.fail(errors::invalid_url_param("name"));
  return emoji_list(app::search_emoji(c.app, name, true, kAutocompleteLimit), c);
}

Response emoji_by_names(Context& c) {
  auto names = c.body_string_array("names");
  if (!names) return c.fail(names.error());
  if (names->empty()) return c.fail(errors::invalid_param("names"));
  return emoji_list(app::get_emoji_by_names(c.app, *names), c);
}

}  // namespace

void register_emoji_routes(Router& r) {
  r.add("POST", "/api/v4/emoji", create_emoji, {.file_api = true});
  r.add("GET", "/api/v4/emoji", get_emoji_list);
  r.add("POST", "/api/v4/emoji/search", search_emoji);
  r.add("GET", "/api/v4/emoji/autocomplete", autocomplete_emoji);
  r.add("POST", "/api/v4/emoji/names", emoji_by_names);
  r.add("GET", "/api/v4/emoji/name/{emoji_name}", get_emoji_by_name);
  r.add("GET", "/api/v4/emoji/{emoji_id}", get_emoji);
  r.add("DELETE", "/api/v4/emoji/{emoji_id}", delete_emoji);
  r.add("GET", "/api/v4/emoji/{emoji_id}/image", get_emoji_image, {.trust_requester = true});
}

}  // namespace parley::api
