"""The project's one exception type for bad input."""
from __future__ import annotations


class InputError(Exception):
    """An input that cannot be extracted; the batch records it and goes on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
