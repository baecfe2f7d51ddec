"""The settings page, the profile form and the backup actions."""
