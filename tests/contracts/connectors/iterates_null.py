"""Example connector, wrong in one way: it iterates customFields without allowing for null."""

import sys

from _base import main

sys.exit(main("iterates-null"))
