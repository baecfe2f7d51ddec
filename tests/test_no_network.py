"""The tests run without a network, so nothing in Trede can quietly need one."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.conftest import nonet


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
        lambda: socket.getaddrinfo("example.org", 443),
        lambda: socket.gethostbyname("example.org"),
    ],
)
def test_connecting_and_name_lookups_are_blocked(attempt) -> None:
    with pytest.raises(nonet.NetworkBlocked):
        attempt()


@pytest.mark.parametrize(
    ("family", "kind", "address"),
    [
        (socket.AF_INET, socket.SOCK_STREAM, ("10.0.0.1", 80)),
        (socket.AF_INET6, socket.SOCK_STREAM, ("::1", 80)),
    ],
)
def test_a_raw_socket_cannot_connect_or_send(family, kind, address) -> None:
    with socket.socket(family, kind) as raw, pytest.raises(nonet.NetworkBlocked):
        raw.connect(address)
    with socket.socket(family, socket.SOCK_DGRAM) as datagram, pytest.raises(nonet.NetworkBlocked):
        datagram.sendto(b"x", address)


def test_local_sockets_still_work() -> None:
    first, second = socket.socketpair(socket.AF_UNIX)
    with first, second:
        first.sendall(b"ok")
        assert second.recv(2) == b"ok"


def test_a_trede_subprocess_has_no_network_either() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('example.org', 443)"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "network use blocked" in result.stderr
