# expect: unsupported: module 'json'
# at: 5:8
# Only math and sys can be imported.
import math
import json

print(math.sqrt(2.0), json.dumps(1))
