// Cookie and header token handling.
#include "api/auth_cookies.h"

#include <cctype>

namespace parley::api {
namespace {
bool secure_request(const Request& req) {
  return req.header("x-forwarded-proto") == "https";
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}
}  // namespace

RequestToken token_from_request(const Request& req) {
  if (auto c = req.cookie("MMAUTHTOKEN"); !c.empty()) return {std::string(c), true};
  auto auth = req.header("authorization");
  if (iequals_prefix(auth, "bearer ")) return {std::string(auth.substr(7)), false};
  if (iequals_prefix(auth, "token ")) return {std::string(auth.substr(6)), false};
  return {};
}

void attach_session_cookies(Response& r, const Request& req, const model::Session& s,
                            int64_t max_age) {
  std::string common = "; Path=/; Max-Age=" + std::to_string(max_age) + "; SameSite=Lax";
  if (secure_request(req)) common += "; Secure";
  r.set_header("Set-Cookie", "MMAUTHTOKEN=" + s.token + common + "; HttpOnly");
  r.set_header("Set-Cookie", "MMUSERID=" + s.user_id + common);
  r.set_header("Set-Cookie", "MMCSRF=" + s.csrf_token() + common);
}

void clear_session_cookies(Response& r, const Request& req) {
  for (const char* name : {"MMAUTHTOKEN", "MMUSERID", "MMCSRF"})
    r.set_header("Set-Cookie",
                 std::string(name) + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
}

}  // namespace parley::api
