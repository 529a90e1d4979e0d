# bench-size: 75000000
# Monte Carlo estimate of pi from N samples of a 32-bit xorshift generator: shifts, xor and masks.
import sys

MASK = 0xFFFFFFFF


def monte_carlo(samples, seed):
    state = seed
    inside = 0
    for _ in range(samples):
        state ^= (state << 13) & MASK
        state ^= state >> 17
        state ^= (state << 5) & MASK
        x = state & 0xFFFF
        y = state >> 16
        if x * x + y * y < 4294836225:
            inside += 1
    print("inside:", inside)
    print("state:", state)
    print(f"pi ~ {4.0 * inside / samples:.6f}")


monte_carlo(int(sys.argv[1]), 2463534242)
