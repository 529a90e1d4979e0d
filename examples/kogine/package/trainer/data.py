def batches(count, size):
    return [list(range(i * size, (i + 1) * size)) for i in range(count)]
