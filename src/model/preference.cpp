// Preference JSON, validation and theme clean-up.
#include "model/preference.h"

#include "util/ids.h"
#include "util/json.h"

#include <charconv>
#include <regex>

namespace parley::model {
namespace {

namespace bj = boost::json;

AppError invalid(const std::string& field, const std::string& detail) {
  return AppError::make("model.preference.is_valid." + field + ".app_error",
                        "Invalid " + field + " for preference.", 400, detail);
}

std::size_t utf8_runes(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool is_color(const std::string& v) {
  static const std::regex kColor("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$");
  return std::regex_match(v, kColor);
}

// A theme value must decode as a JSON object of strings (Go: map[string]string).
std::optional<bj::object> theme_object(const std::string& value) {
  auto v = json::parse(value);
  if (!v) return std::nullopt;
  if (v->is_null()) return bj::object{};
  if (!v->is_object()) return std::nullopt;
  for (const auto& kv : v->get_object())
    if (!kv.value().is_string() && !kv.value().is_null()) return std::nullopt;
  return std::move(v->get_object());
}

}  // namespace

boost::json::object to_json(const Preference& p) {
  return {{"user_id", p.user_id}, {"category", p.category}, {"name", p.name}, {"value", p.value}};
}

boost::json::array to_json(const std::vector<Preference>& prefs) {
  bj::array a;
  a.reserve(prefs.size());
  for (const auto& p : prefs) a.push_back(to_json(p));
  return a;
}

std::optional<std::vector<Preference>> preferences_from_json(const boost::json::value& v) {
  if (v.is_null()) return std::vector<Preference>{};
  if (!v.is_array()) return std::nullopt;
  std::vector<Preference> out;
  out.reserve(v.get_array().size());
  for (const auto& e : v.get_array()) {
    Preference p;
    if (e.is_null()) {
      out.push_back(std::move(p));
      continue;
    }
    if (!e.is_object()) return std::nullopt;
    const auto& o = e.get_object();
    bool wrong = false;
    p.user_id = json::opt_string(o, "user_id", &wrong).value_or("");
    p.category = json::opt_string(o, "category", &wrong).value_or("");
    p.name = json::opt_string(o, "name", &wrong).value_or("");
    p.value = json::opt_string(o, "value", &wrong).value_or("");
    if (wrong) return std::nullopt;
    out.push_back(std::move(p));
  }
  return out;
}

void pre_update(Preference& p) {
  if (p.category != preference::kCategoryTheme) return;
  auto theme = theme_object(p.value);
  if (!theme) return;  // IsValid rejects it
  for (auto& kv : *theme) {
    if (kv.key() == "image" || kv.key() == "type" || kv.key() == "codeTheme") continue;
    std::string s = kv.value().is_string() ? std::string(kv.value().get_string()) : "";
    if (!is_color(s)) kv.value() = "#ffffff";
  }
  p.value = bj::serialize(*theme);
}

Status validate(const Preference& p) {
  if (!is_valid_id(p.user_id)) return invalid("id", "user_id=" + p.user_id);
  if (p.category.empty() || p.category.size() > preference::kMaxCategoryLength)
    return invalid("category", "category=" + p.category);
  if (p.name.size() > preference::kMaxNameLength) return invalid("name", "name=" + p.name);
  if (utf8_runes(p.value) > preference::kMaxValueRunes) return invalid("value", "value=" + p.value);
  if (p.category == preference::kCategoryTheme && !theme_object(p.value))
    return invalid("theme", "value=" + p.value);
  if (p.category == preference::kCategorySidebarSettings &&
      p.name == preference::kNameLimitVisibleDmsGms) {
    int n = 0;
    auto [end, ec] = std::from_chars(p.value.data(), p.value.data() + p.value.size(), n);
    if (ec != std::errc() || end != p.value.data() + p.value.size() || n < 1 ||
        n > preference::kMaxLimitVisibleDmsGms)
      return invalid("limit_visible_dms_gms", "value=" + p.value);
  }
  return {};
}

}  // namespace parley::model
