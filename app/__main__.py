"""Allow ``python -m app`` as well as the ``trede`` command."""

import sys

from app.main import main

sys.exit(main())
