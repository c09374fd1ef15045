// Conversion between Beast messages and api::Request/api::Response (Beast stays in http/).
#pragma once

#include "api/request.h"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace parley::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

api::Request to_api_request(BeastRequest&& req, std::string remote_addr);

}  // namespace parley::http
