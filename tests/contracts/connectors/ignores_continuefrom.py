"""Example connector, wrong in one way: it asks for the export's next batch
without from=continueFrom (and so reads the first batch again).
"""

import sys

from _base import main

sys.exit(main("ignores-continuefrom"))
