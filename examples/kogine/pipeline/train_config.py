# `prev` is what the previous step (preprocess) returned.
data = prev
l2 = 0.01
