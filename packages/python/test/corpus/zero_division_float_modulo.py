# Float modulo by zero: "float modulo".
def wrap_angle(angle, period):
    return angle % period


print(wrap_angle(370.0, 360.0), wrap_angle(-30.0, 360.0), wrap_angle(725.5, 360.0))
print(wrap_angle(-0.5, 1.0), wrap_angle(0.5, -1.0))
print(wrap_angle(1e300, 7.0), wrap_angle(-1e-300, 7.0))
period = 0.0
print(wrap_angle(10.0, period))
