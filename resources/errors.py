"""The base of every error that a user may see: a clear sentence in the user's language."""


class UserError(Exception):
    """An error caused by input; its message is one translated sentence, fit to show as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
