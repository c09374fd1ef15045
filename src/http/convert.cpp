// Beast request -> api::Request.
#include "http/convert.h"

#include <cctype>

namespace parley::http {

api::Request to_api_request(BeastRequest&& req, std::string remote_addr) {
  api::Request out;
  out.method = std::string(req.method_string());
  std::string_view target = req.target();
  auto q = target.find('?');
  out.path = api::percent_decode(target.substr(0, q), false);
  if (q != std::string_view::npos) out.query = api::parse_query(target.substr(q + 1));
  out.headers.reserve(16);
  for (const auto& f : req) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  out.body = std::move(req.body());
  out.remote_addr = std::move(remote_addr);
  return out;
}

}  // namespace parley::http
