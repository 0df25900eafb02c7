"""Example connector that does everything right, in plain httpx (no mockst_client)."""

import sys

from _base import main

sys.exit(main())
