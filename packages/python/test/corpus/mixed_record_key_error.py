# A nested lookup of a key the record does not have raises KeyError with the key's repr.
data = {"user": {"name": "bo", "age": 3}, "tags": ["x"]}
print(data["user"]["name"], data["tags"][0])
print(data["user"]["email"])
