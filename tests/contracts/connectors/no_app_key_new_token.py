"""Example connector, wrong in one way: one call goes without the ST-App-Key header, and, like
a client that answers every 401 with a new token, it takes a new token after that call's 401
(which is not a second fault: only app-key-on-every-call must fail).
"""

import sys

from _base import main

sys.exit(main("no-app-key-new-token"))
