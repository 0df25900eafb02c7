"""Example connector, wrong in one way: it also writes a booking under another booking provider."""

import sys

from _base import main

sys.exit(main("other-provider"))
