# A failing assert with a message: AssertionError: <message>.
def checked_percent(part, whole):
    ratio = part / whole
    assert 0.0 <= ratio <= 1.0, f"ratio {ratio:.2f} out of range for {part}/{whole}"
    return ratio * 100


print(checked_percent(1, 4))
print(checked_percent(3, 3))
print(checked_percent(5, 4))
