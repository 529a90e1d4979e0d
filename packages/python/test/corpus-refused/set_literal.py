# expect: unsupported: set
# at: 4:10
# Sets are outside the subset.
primes = {2, 3, 5, 7}
print(7 in primes)
