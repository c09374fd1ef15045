// Acknowledged-posts-per-second benchmark (compared by bench/run.sh with raw inserts).
#pragma once

#include "options.h"

#include <boost/json/object.hpp>

namespace loadgen {

boost::json::object run_post_rate(const Options& o, const Target& target);

}  // namespace loadgen
