"""Example connector, wrong in one way: it creates the task's booking a second time, with the
same externalId, under its own booking provider.
"""

import sys

from _base import main

sys.exit(main("duplicate-booking"))
