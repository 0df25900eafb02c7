"""Example connector, wrong in one way: after a failed booking create it looks on the
tenant-wide /bookings path, which a restricted connection may not read (403), takes the refusal
for "not there" and creates the booking again without having looked.
"""

import sys

from _base import main

sys.exit(main("tenant-wide-lookup"))
