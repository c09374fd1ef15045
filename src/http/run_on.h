// Runs a blocking function on a worker (a thread pool or a worker loop's executor) and resumes the
// calling coroutine with its result, so that database work never blocks an I/O thread.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>
#include <type_traits>

namespace parley::http {

template <class Where, class F>
boost::asio::awaitable<std::invoke_result_t<F>> run_on(Where& where, F f) {
  using R = std::invoke_result_t<F>;
  if constexpr (std::is_void_v<R>) {
    co_await boost::asio::co_spawn(
        where,
        [f = std::move(f)]() mutable -> boost::asio::awaitable<void> {
          f();
          co_return;
        },
        boost::asio::use_awaitable);
  } else {
    // co_spawn needs a default-constructible result, hence the optional.
    auto r = co_await boost::asio::co_spawn(
        where,
        [f = std::move(f)]() mutable -> boost::asio::awaitable<std::optional<R>> {
          co_return std::optional<R>(f());
        },
        boost::asio::use_awaitable);
    co_return std::move(*r);
  }
}

}  // namespace parley::http
