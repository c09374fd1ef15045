// Building JSON responses, status-OK bodies and AppError bodies.
#pragma once

#include "api/request.h"
#include "util/app_error.h"

#include <boost/json/value.hpp>

namespace parley::api {

Response json_response(const boost::json::value& v, int status = 200);
// A body already serialised as JSON (model/post_writer.h).
Response json_text_response(std::string body, int status = 200);
Response status_ok();  // {"status":"OK"}
Response error_response(const AppError& e, const std::string& request_id, bool developer);

}  // namespace parley::api
