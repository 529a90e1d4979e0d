"""Entry point of kogine's Python side: `python3 kogine_main.py MODE ...` (see kogine_runner.py). The runner
is imported rather than run as the main script, so Python caches its compiled form like any module's."""

import sys

import kogine_runner

sys.exit(kogine_runner.main(sys.argv[1:]))
