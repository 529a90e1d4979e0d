# float() of a malformed string raises ValueError with the string's repr in the message.
def parse_reading(text, unit_scale):
    return float(text) * unit_scale


readings = 0
total = 0.0
total += parse_reading("1.5", 1.0)
readings += 1
total += parse_reading("  -2e-3 ", 1000.0)
readings += 1
total += parse_reading("inf", 0.5)
readings += 1
print("after", readings, "readings:", total)
total = 0.0
total += parse_reading("12.75", 1.0)
print("restarted:", total)
total += parse_reading("1,5", 1.0)
print("not reached", total)
