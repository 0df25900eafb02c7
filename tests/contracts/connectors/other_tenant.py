"""Example connector, wrong in one way: it reads the customers of the next tenant id too."""

import sys

from _base import main

sys.exit(main("other-tenant"))
