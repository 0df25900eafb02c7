"""Example connector, wrong in one way: it retries a 429 at once instead of waiting Retry-After."""

import sys

from _base import main

sys.exit(main("ignores-retry-after"))
