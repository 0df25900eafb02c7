"""Example book-job connector, wrong in one way: it books the window's first frame without reading
isAvailable.
"""

import sys

from _booking import main

sys.exit(main("first-frame"))
