"""Example book-job connector, wrong in one way: it books capacity's start/end (local wall clock
with a Z) as if they were UTC.
"""

import sys

from _booking import main

sys.exit(main("local-times"))
