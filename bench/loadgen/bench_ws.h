// WebSocket benchmarks: fan-out of `posted` events to many listeners (against BroadcastServer's
// bare broadcast of the same bytes) and the server's memory per idle authenticated WebSocket.
#pragma once

#include "options.h"

#include <boost/json/object.hpp>

namespace loadgen {

boost::json::object run_fanout(const Options& o, const Target& target);
boost::json::object run_idle_websockets(const Options& o, const Target& target);

}  // namespace loadgen
