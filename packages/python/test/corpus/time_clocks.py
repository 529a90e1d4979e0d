# The clocks' values differ from run to run; what is printed is only what must hold of them.
import time
from time import perf_counter, perf_counter_ns

start = perf_counter()
start_ns = perf_counter_ns()
now = time.time()
now_ns = time.time_ns()
total = 0
for i in range(200000):
    total += i % 7
elapsed = perf_counter() - start
print("work", total)
print("perf_counter increases:", elapsed > 0, perf_counter_ns() > start_ns)
print("time() plausible:", 1.7e9 < now < 4.1e9, abs(now_ns / 1e9 - now) < 1.0)
print("time() moves forward:", time.time() >= now)
