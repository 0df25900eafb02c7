"""Example connector, wrong in one way: one call (the booking provider tags)
goes without the ST-App-Key header.
"""

import sys

from _base import main

sys.exit(main("no-app-key"))
