# while ... else: the else block runs only when the loop ends without break.
def find_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            print(n, "has divisor", d)
            break
        d += 1
    else:
        print(n, "is prime")


for n in range(20, 32):
    find_divisor(n)

count = 0
while count < 3:
    count += 1
else:
    print("loop finished normally, count =", count)

count = 0
while True:
    count += 1
    if count == 5:
        break
else:
    print("never printed")
print("broke out at", count)

n = 0
while n > 0:
    print("never runs")
else:
    print("else runs even when the body never does")

# break in an inner loop does not skip the outer else.
outer = 0
while outer < 3:
    outer += 1
    inner = 0
    while inner < 10:
        inner += 1
        if inner == outer * 2:
            break
    print("outer", outer, "inner stopped at", inner)
else:
    print("outer loop completed")
