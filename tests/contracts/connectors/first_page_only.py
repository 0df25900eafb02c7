"""Example connector, wrong in one way: it reads page 1 of the customers and stops."""

import sys

from _base import main

sys.exit(main("first-page-only"))
