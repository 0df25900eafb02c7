import sys

from mockst.cli import main

sys.exit(main())
