"""A package of training code: kogine runs its modules as `python3 -m trainer.train` would."""
