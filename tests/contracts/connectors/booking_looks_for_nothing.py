"""Example book-job connector, wrong in one way: after a lost create, it looks the job up by
external data it never sent (finds nothing) and books again.
"""

import sys

from _booking import main

sys.exit(main("looks-for-nothing"))
