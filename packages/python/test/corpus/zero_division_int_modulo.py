# Integer modulo by zero raises ZeroDivisionError.
def cycle_position(step, period):
    return step % period


period = 5
for step in range(0, 12, 4):
    print(step, cycle_position(step, period))
period -= 5
print(cycle_position(7, period))
