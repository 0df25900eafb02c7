"""Example connector, wrong in one way: it parses modifiedOn by slicing it to a fixed width (26
characters, six fractional digits), which fits every stamp until one has fewer digits."""

import sys

from _base import main

sys.exit(main("fixed-width-stamps"))
