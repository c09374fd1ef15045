// JSON response encoding.
#include "api/respond.h"

#include <boost/json/serialize.hpp>

namespace parley::api {

Response json_response(const boost::json::value& v, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

Response json_text_response(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response status_ok() {
  Response r;
  r.body = R"({"status":"OK"})";
  return r;
}

Response error_response(const AppError& e, const std::string& request_id, bool developer) {
  boost::json::object o{{"id", e.id},
                        {"message", e.message},
                        {"detailed_error", developer ? e.detailed_error : std::string()},
                        {"request_id", request_id},
                        {"status_code", e.status_code}};
  return json_response(o, e.status_code);
}

}  // namespace parley::api
