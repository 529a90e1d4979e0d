"""The main module of a child that multiprocessing starts, with the spawn or forkserver method, from a kogine
task: the task's script loaded as the task's process loaded it, its config injected, as `__mp_main__` (see
script_module in kogine_runner.py). The script's main block does not run, as in any such child."""

import kogine_runner

globals().update(vars(kogine_runner.load_task_script()))
