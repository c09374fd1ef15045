// Mattermost's AppError (id, message, detailed_error, status_code) and the
// Result<T> that app and store functions return for expected failures.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace parley {

struct AppError {
  std::string id;              // i18n key, e.g. "api.context.permissions.app_error"
  std::string message;         // human readable text
  std::string detailed_error;  // shown only with ServiceSettings.EnableDeveloper
  int status_code = 500;
  std::string where;  // function that raised it, for logs

  static AppError make(std::string id, std::string message, int status, std::string detailed = {},
                       std::string where = {}) {
    return AppError{std::move(id), std::move(message), std::move(detailed), status,
                    std::move(where)};
  }
};

namespace errors {
AppError invalid_param(std::string_view name);       // 400 api.context.invalid_param.app_error
AppError invalid_body_param(std::string_view name);  // 400 api.context.invalid_body_param.app_error
AppError invalid_url_param(std::string_view name);   // 400 api.context.invalid_url_param.app_error
AppError permission(std::string_view permission, std::string_view user_id = {});  // 403
AppError session_expired();                                                       // 401
AppError not_found(std::string id, std::string_view what);                        // 404
AppError internal(std::string id, std::string detailed);                          // 500
AppError bad_request(std::string id, std::string message, std::string detailed = {});
AppError conflict(std::string id, std::string message);  // 400 as Mattermost does for dups
}  // namespace errors

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit on purpose
  Result(AppError error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const AppError& error() const& { return std::get<1>(v_); }
  AppError&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, AppError> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(AppError error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const AppError& error() const& { return error_; }
  AppError&& error() && { return std::move(error_); }

 private:
  AppError error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace parley
