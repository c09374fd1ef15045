// Custom status JSON, RFC 3339 expiry times and the recent-statuses list.
#include "model/custom_status.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>
#include <chrono>

namespace parley::model {
namespace {

namespace bj = boost::json;

constexpr const char* kDurations[] = {"thirty_minutes", "one_hour",  "four_hours",
                                      "today",          "this_week", "date_and_time"};

bool known_duration(const std::string& d) {
  for (const char* k : kDurations)
    if (d == k) return true;
  return false;
}

bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Byte length of the first `runes` UTF-8 characters of `s`.
std::size_t rune_prefix(const std::string& s, std::size_t runes) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size() && n < runes; ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::optional<std::string> string_field(const bj::object& o, std::string_view key, bool& ok) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) {
    ok = false;
    return std::nullopt;
  }
  return std::string(it->value().get_string());
}

}  // namespace

std::optional<std::pair<int64_t, std::string>> parse_rfc3339(const std::string& t) {
  int y, mo, d, h, mi, se;
  if (!digits(t, 0, 4, y) || t.size() < 20 || t[4] != '-' || !digits(t, 5, 2, mo) || t[7] != '-' ||
      !digits(t, 8, 2, d) || (t[10] != 'T' && t[10] != 't') || !digits(t, 11, 2, h) ||
      t[13] != ':' || !digits(t, 14, 2, mi) || t[16] != ':' || !digits(t, 17, 2, se))
    return std::nullopt;
  std::size_t pos = 19;
  std::string frac;
  if (t[pos] == '.') {
    ++pos;
    while (pos < t.size() && std::isdigit(static_cast<unsigned char>(t[pos]))) frac += t[pos++];
    if (frac.empty() || frac.size() > 9) return std::nullopt;
  }
  int offset_min = 0;
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z') && pos + 1 == t.size()) {
    ++pos;
  } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
    int oh, om;
    if (pos + 6 != t.size() || !digits(t, pos + 1, 2, oh) || t[pos + 3] != ':' ||
        !digits(t, pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset_min = (t[pos] == '-' ? -1 : 1) * (oh * 60 + om);
    pos += 6;
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 59) return std::nullopt;
  int64_t days = sys_days(ymd).time_since_epoch().count();
  int64_t ms = ((days * 24 + h) * 60 + mi) * 60000LL + se * 1000LL - offset_min * 60000LL;
  std::string ms_digits = (frac + "000").substr(0, 3);
  ms += std::stoi(ms_digits);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string printed = t.substr(0, 10) + "T" + t.substr(11, 8);
  if (!frac.empty()) printed += "." + frac;
  printed += offset_min == 0 ? std::string("Z") : t.substr(t.size() - 6);
  return std::make_pair(ms, printed);
}

bool CustomStatus::valid_duration_and_expiry(int64_t now) const {
  bool zero = expires_at == "0001-01-01T00:00:00Z";
  bool not_past = expires_at_ms >= now;
  if (duration.empty() && (zero || not_past)) return true;
  return known_duration(duration) && not_past;
}

void CustomStatus::pre_save(int64_t now) {
  if (duration.empty() && expires_at_ms >= now) duration = "date_and_time";
  text.resize(rune_prefix(text, kCustomStatusTextMaxRunes));
}

std::optional<CustomStatus> custom_status_from_json(const bj::value& v) {
  if (!v.is_object()) return std::nullopt;
  const auto& o = v.get_object();
  bool ok = true;
  CustomStatus cs;
  cs.emoji = string_field(o, "emoji", ok).value_or("");
  cs.text = string_field(o, "text", ok).value_or("");
  cs.duration = string_field(o, "duration", ok).value_or("");
  if (auto e = string_field(o, "expires_at", ok)) {
    auto t = parse_rfc3339(*e);
    if (!t) return std::nullopt;
    cs.expires_at_ms = t->first;
    cs.expires_at = t->second;
  }
  if (!ok) return std::nullopt;
  return cs;
}

bj::object to_json(const CustomStatus& cs) {
  return {{"emoji", cs.emoji},
          {"text", cs.text},
          {"duration", cs.duration},
          {"expires_at", cs.expires_at}};
}

std::optional<CustomStatus> custom_status_from_props(const bj::object& props) {
  auto it = props.find(kUserPropCustomStatus);
  if (it == props.end() || !it->value().is_string() || it->value().get_string().empty())
    return std::nullopt;
  boost::system::error_code ec;
  auto v = bj::parse(it->value().get_string(), ec);
  if (ec) return std::nullopt;
  return custom_status_from_json(v);
}

std::vector<CustomStatus> recent_custom_statuses_from(const std::string& value, bool* ok) {
  std::vector<CustomStatus> out;
  *ok = true;
  if (value.empty()) return out;
  boost::system::error_code ec;
  auto v = bj::parse(value, ec);
  if (ec || !(v.is_array() || v.is_null())) {
    *ok = false;
    return out;
  }
  if (v.is_null()) return out;
  for (const auto& e : v.get_array()) {
    auto cs = custom_status_from_json(e);
    if (!cs) {
      *ok = false;
      return {};
    }
    out.push_back(std::move(*cs));
  }
  return out;
}

std::string recent_custom_statuses_value(const std::vector<CustomStatus>& list) {
  bj::array a;
  for (const auto& cs : list) a.push_back(to_json(cs));
  return bj::serialize(a);
}

void add_recent_custom_status(std::vector<CustomStatus>& list, const CustomStatus& cs) {
  std::erase_if(list, [&](const CustomStatus& o) { return o.text == cs.text; });
  list.insert(list.begin(), cs);
  if (list.size() > kMaxRecentCustomStatuses) list.resize(kMaxRecentCustomStatuses);
}

}  // namespace parley::model
