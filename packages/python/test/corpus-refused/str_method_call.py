# expect: unsupported: method
# at: 5:7
# Methods of str are outside the subset.
name = "ada lovelace"
print(name.upper())
