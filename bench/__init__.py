"""Benchmarks: Trede's speed and memory at 100,000 clients, as ratios to a floor (``make bench``).

Nothing here is collected by pytest: the test paths are ``tests/`` only and no file is named
``test_*.py``.
"""
