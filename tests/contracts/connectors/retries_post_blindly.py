"""Example connector, wrong in one way: it repeats a booking POST that failed
with a 5xx without first looking whether the booking exists.
"""

import sys

from _base import main

sys.exit(main("retries-post-blindly"))
