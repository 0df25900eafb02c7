"""Example book-job connector, wrong in one way: it takes the campaign id from one of the tenant's
jobs, not its campaigns list.
"""

import sys

from _booking import main

sys.exit(main("campaign-from-a-job"))
