from kohakuengine import Config


def config_gen():
    for seed in range(6):
        yield Config(globals_dict={"seed": seed, "work_ms": 50})
