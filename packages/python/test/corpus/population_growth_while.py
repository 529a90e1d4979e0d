# Logistic population growth simulated until it stabilises, with a while loop and tolerances.
capacity = 10000.0
rate = 0.35
population = 50.0
year = 0
previous = 0.0
while abs(population - previous) > 0.5:
    previous = population
    population += rate * population * (1 - population / capacity)
    year += 1
    if year % 5 == 0:
        print(f"year {year:>3}: {population:>10.2f}")
print(f"stable after {year} years at {population:.3f}")

# Predator-prey (discrete Lotka-Volterra) for a fixed number of steps.
prey = 40.0
predators = 9.0
for step in range(1, 201):
    new_prey = prey + 0.1 * prey - 0.01 * prey * predators
    new_predators = predators + 0.005 * prey * predators - 0.2 * predators
    prey, predators = new_prey, new_predators
    if step % 40 == 0:
        print(f"step {step}: prey {prey:.4f} predators {predators:.4f}")
print(prey, predators)
