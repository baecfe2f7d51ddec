"""The Overzicht page: the inclusion report's first page in the window."""
