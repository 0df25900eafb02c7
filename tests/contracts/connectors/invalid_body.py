"""Example connector, wrong in one way: it sends a lead whose campaignId is a string."""

import sys

from _base import main

sys.exit(main("invalid-body"))
