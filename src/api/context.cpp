// Context helpers: parameters and body decoding with Mattermost's error ids.
#include "api/context.h"

#include "api/respond.h"
#include "util/ids.h"
#include "util/json.h"

#include <charconv>

namespace parley::api {

std::string Context::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return {};
}

Result<std::string> Context::id_param(std::string_view name) const {
  std::string v = param(name);
  if (v == "me" && session) return session->user_id;
  if (!is_valid_id(v)) return errors::invalid_url_param(name);
  return v;
}

int64_t Context::query_int(std::string_view name, int64_t fallback) const {
  auto v = req.query_param(name);
  if (v.empty()) return fallback;
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size()) return fallback;
  return out;
}

bool Context::query_bool(std::string_view name, bool fallback) const {
  auto v = req.query_param(name);
  if (v.empty()) return fallback;
  return v == "true" || v == "1" || v == "True" || v == "TRUE" || v == "t";
}

int Context::page() const {
  auto p = query_int("page", 0);
  return p < 0 ? 0 : static_cast<int>(std::min<int64_t>(p, 1'000'000));
}

int Context::per_page() const {
  auto p = query_int("per_page", 60);
  if (p < 0) return 60;
  return static_cast<int>(std::min<int64_t>(p, 200));
}

Result<boost::json::value> Context::body_json(std::string_view what) const {
  auto v = json::parse(req.body);
  if (!v) {
    auto e = errors::invalid_param(what);
    e.detailed_error = "invalid JSON body";
    return e;
  }
  return std::move(*v);
}

Result<boost::json::object> Context::body_object(std::string_view what) const {
  auto v = body_json(what);
  if (!v) return std::move(v).error();
  if (!v->is_object()) return errors::invalid_param(what);
  return std::move(v->get_object());
}

Result<std::vector<std::string>> Context::body_string_array(std::string_view what) const {
  auto v = body_json(what);
  if (!v) return std::move(v).error();
  auto a = json::string_array(*v);
  if (!a) return errors::invalid_param(what);
  return std::move(*a);
}

Response Context::fail(const AppError& e) const {
  return error_response(e, request_id, app.config()->service.enable_developer);
}

}  // namespace parley::api
