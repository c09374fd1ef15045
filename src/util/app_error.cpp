// Constructors for the AppErrors that many layers raise.
#include "util/app_error.h"

#include <fmt/format.h>

namespace parley::errors {

AppError invalid_param(std::string_view name) {
  return AppError::make("api.context.invalid_param.app_error",
                        fmt::format("Invalid {} parameter.", name), 400);
}

AppError invalid_body_param(std::string_view name) {
  return AppError::make("api.context.invalid_body_param.app_error",
                        fmt::format("Invalid or missing {} in request body.", name), 400);
}

AppError invalid_url_param(std::string_view name) {
  return AppError::make("api.context.invalid_url_param.app_error",
                        fmt::format("Invalid or missing {} parameter in request URL.", name), 400);
}

AppError permission(std::string_view permission, std::string_view user_id) {
  return AppError::make("api.context.permissions.app_error",
                        "You do not have the appropriate permissions.", 403,
                        fmt::format("userId={}, permission={}", user_id, permission));
}

AppError session_expired() {
  return AppError::make("api.context.session_expired.app_error",
                        "Invalid or expired session, please login again.", 401);
}

AppError not_found(std::string id, std::string_view what) {
  return AppError::make(std::move(id), fmt::format("Unable to find the {}.", what), 404);
}

AppError internal(std::string id, std::string detailed) {
  return AppError::make(std::move(id), "An internal error occurred.", 500, std::move(detailed));
}

AppError bad_request(std::string id, std::string message, std::string detailed) {
  return AppError::make(std::move(id), std::move(message), 400, std::move(detailed));
}

AppError conflict(std::string id, std::string message) {
  return AppError::make(std::move(id), std::move(message), 400);
}

}  // namespace parley::errors
