"""Example connector, wrong in one way: it takes a new token before every API call."""

import sys

from _base import main

sys.exit(main("token-per-request"))
