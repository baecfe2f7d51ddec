"""The main window and what frames it: the welcome page and the information dialogs."""
