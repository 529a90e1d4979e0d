/*
 * The time module's clocks, read as CPython reads them: nanoseconds from clock_gettime, and seconds
 * as a float by _PyTime_AsSecondsDouble, so a whole second is exact and anything else is one
 * division of the nanoseconds.
 */
#include <time.h>

#include "py_runtime.h"

static int64_t nanoseconds(clockid_t clock) {
  struct timespec now;
  clock_gettime(clock, &now);
  return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static double seconds(int64_t ns) {
  if (ns % 1000000000 == 0) return (double)(ns / 1000000000);
  return (double)ns / 1e9;
}

double py_time_time(void) { return seconds(nanoseconds(CLOCK_REALTIME)); }

int64_t py_time_time_ns(void) { return nanoseconds(CLOCK_REALTIME); }

double py_time_perf_counter(void) { return seconds(nanoseconds(CLOCK_MONOTONIC)); }

int64_t py_time_perf_counter_ns(void) { return nanoseconds(CLOCK_MONOTONIC); }
