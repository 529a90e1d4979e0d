# expect: did you mean 'compute_area'
# at: 9:7
# A misspelled function name is reported with the closest defined name.
def compute_area(width, height):
    return width * height


print(compute_area(3, 4))
print(compute_aera(5, 6))
