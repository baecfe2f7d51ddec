"""The composition root: command line, settings file, database connection, wiring of the window."""
