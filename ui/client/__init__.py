"""A client's file: the view, its entry forms, the timeline, the details and erase dialogs."""
