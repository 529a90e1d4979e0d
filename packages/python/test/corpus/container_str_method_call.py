# str_method_call: now compiled.
name = "ada lovelace"
print(name.upper())
