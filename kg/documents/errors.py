"""Internal signal for bad input; `load_document` turns it into a `LoadError`."""


class Rejected(Exception):
    """The file cannot become a Document; `reason` is the one-line explanation."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
