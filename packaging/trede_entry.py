"""The frozen program's entry point: the same ``trede`` command as the installed script."""

import os
import sys

from app import main


def _utf8_locale() -> None:
    """Without a UTF-8 locale (LANG unset, as under a service or ``env -i``) Qt warns and
    switches to C.UTF-8 itself; Python does the same quietly for the installed script. The
    frozen program makes that choice before Qt loads, so nothing is printed."""
    if not sys.platform.startswith("linux") or os.environ.get("LC_ALL"):
        return
    chosen = os.environ.get("LC_CTYPE") or os.environ.get("LANG") or ""
    if "UTF-8" not in chosen.upper().replace("UTF8", "UTF-8"):
        os.environ["LC_CTYPE"] = "C.UTF-8"


if __name__ == "__main__":
    _utf8_locale()
    sys.exit(main.main())
