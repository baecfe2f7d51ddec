"""Reports: the one entry point that makes a report and logs it (Qt-free), and what combines
the two domains for a report; the window's Rapporten page builds on them."""
