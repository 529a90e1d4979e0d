# expect: did you mean 'perf_counter'
# at: 4:9
import time
start = time.perf_countr()
