# `results` holds every earlier step's return value, in order.
model = prev
n_train = results[0]["count"]
