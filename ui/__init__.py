"""The Qt desktop window: widgets, item models and dialogs (the only Qt code in Trede)."""
