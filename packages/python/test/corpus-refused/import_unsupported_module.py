# expect: unsupported: module 'json'
# at: 5:8
# Only the modules of the subset (the table in src/stdlib-modules.ts) can be imported.
import math
import json

print(math.sqrt(2.0), json.dumps(1))
