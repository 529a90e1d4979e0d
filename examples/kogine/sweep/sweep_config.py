"""A KohakuEngine-style bare-module config: its variables are the config, `_sweep` the grid."""

epochs = 2


def schedule(step):  # a function as a config value: the task process loads this file itself
    return 0.5 if step > 100 else 1.0


_sweep = {"lr": [0.01, 0.1], "batch_size": [16, 64]}
