# expect: unsupported: os.environ used as a value
# at: 5:7
# Of os.environ only get(key[, default]) is compiled.
import os
print(os.environ["HOME"])
