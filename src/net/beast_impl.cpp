// The one translation unit that compiles Asio and Beast (separate-compilation mode); linked by
// the server (src/http) and by the load generator (bench/loadgen).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
