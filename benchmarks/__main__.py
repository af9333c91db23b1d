"""``python -m benchmarks``: the same as ``python benchmarks/run.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import main  # type: ignore[import-not-found]

main()
