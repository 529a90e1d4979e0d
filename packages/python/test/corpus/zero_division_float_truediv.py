# Float division by 0.0 raises, it does not give inf as in C.
def speed(distance, seconds):
    return distance / seconds


print(speed(100.0, 9.58))
print(speed(42195.0, 7299.0))
print(speed(1.0, -0.0 + 1e-300))
print(speed(-1.0, 1e-300))
print(speed(5.0, 0.0))
