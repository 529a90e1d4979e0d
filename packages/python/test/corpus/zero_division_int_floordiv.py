# Integer floor division by zero raises ZeroDivisionError (after the earlier output).
def average_bucket(total, buckets):
    return total // buckets


total = 100
for b in range(3, -1, -1):
    print("buckets", b)
    print("per bucket", average_bucket(total, b))
print("not reached")
