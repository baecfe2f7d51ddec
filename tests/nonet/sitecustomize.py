"""No network in tests: connecting, resolving names or sending over IP raises at once.

Loaded by the test run itself (``tests/conftest.py``) and, because ``tests/nonet`` is put on
``PYTHONPATH``, by every ``trede`` subprocess a test starts. Local sockets (AF_UNIX) stay allowed:
they never leave the machine.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


class NetworkBlocked(RuntimeError):
    """Something tried to use the network while Trede's tests run (not an OSError: it must not be
    swallowed by code that handles file errors)."""


def _refuse(what: str) -> NetworkBlocked:
    return NetworkBlocked(f"network use blocked during tests: {what}")


def install() -> Callable[[], None]:
    """Block the network in this process; return a function that lifts the block again."""
    originals: dict[str, Any] = {
        "connect": socket.socket.connect,
        "connect_ex": socket.socket.connect_ex,
        "sendto": socket.socket.sendto,
        "create_connection": socket.create_connection,
        "getaddrinfo": socket.getaddrinfo,
        "gethostbyname": socket.gethostbyname,
    }

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in NETWORK_FAMILIES:
            raise _refuse(f"connect to {address!r}")
        originals["connect"](self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in NETWORK_FAMILIES:
            raise _refuse(f"connect to {address!r}")
        return int(originals["connect_ex"](self, address))

    def sendto(self: socket.socket, *arguments: Any) -> int:
        if self.family in NETWORK_FAMILIES:
            raise _refuse(f"send to {arguments[-1]!r}")
        return int(originals["sendto"](self, *arguments))

    def create_connection(address: Any, *_args: Any, **_kwargs: Any) -> socket.socket:
        raise _refuse(f"connection to {address!r}")

    def getaddrinfo(host: Any, *_args: Any, **_kwargs: Any) -> Any:
        raise _refuse(f"name lookup of {host!r}")

    def gethostbyname(host: str) -> str:
        raise _refuse(f"name lookup of {host!r}")

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[assignment,method-assign]
    socket.create_connection = create_connection  # type: ignore[assignment]
    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = gethostbyname

    def lift() -> None:
        for name in ("connect", "connect_ex", "sendto"):
            setattr(socket.socket, name, originals[name])
        for name in ("create_connection", "getaddrinfo", "gethostbyname"):
            setattr(socket, name, originals[name])

    return lift


if __name__ == "sitecustomize":
    install()
