# set_literal: now compiled.
primes = {2, 3, 5, 7}
print(7 in primes)
