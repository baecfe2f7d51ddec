"""The frozen program's entry point: the same ``trede`` command as the installed script."""

import sys

from app import main

if __name__ == "__main__":
    sys.exit(main.main())
