// Session cookies (MMAUTHTOKEN, MMUSERID, MMCSRF) and token extraction from requests.
#pragma once

#include "api/request.h"
#include "model/session.h"

#include <string>

namespace parley::api {

struct RequestToken {
  std::string token;
  bool from_cookie = false;
};

// Cookie first, then "Authorization: Bearer|Token <t>", as Mattermost looks them up.
RequestToken token_from_request(const Request& req);
void attach_session_cookies(Response& r, const Request& req, const model::Session& s,
                            int64_t max_age_seconds);
void clear_session_cookies(Response& r, const Request& req);

}  // namespace parley::api
