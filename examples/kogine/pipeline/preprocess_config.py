n_samples = 50
noise = 0.1
