"""chronique's one error hierarchy.

    ChroniqueError
    ├── InputError            a file or record cannot be read as an article
    │   ├── EmptyInputError   the file or record holds no text
    │   ├── EncodingError     the bytes are not valid UTF-8 (or declared encoding)
    │   ├── FormatError       malformed JSON line, unknown format, binary file
    │   └── NoArticleError    an HTML page in which no article body was found
    ├── ModelError            a spaCy model or packaged data is missing
    ├── StoreError            the database cannot be opened, migrated or written
    └── ConfigError           a setting or command-line value is invalid

Messages name the file (and line) and say how to fix the problem. Only the CLI
turns these into exit codes; library code never calls ``sys.exit``.
"""

from __future__ import annotations

__all__ = [
    "ChroniqueError",
    "InputError",
    "EmptyInputError",
    "EncodingError",
    "FormatError",
    "NoArticleError",
    "ModelError",
    "StoreError",
    "ConfigError",
]


class ChroniqueError(Exception):
    """Base of every error chronique raises on purpose."""


class InputError(ChroniqueError):
    """An input file or record cannot be turned into an article.

    ``where`` names the file, with ``:line`` for JSON lines or ``#n`` for WARC records.
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # picklable with its two fields, so that worker processes can report it
        return (type(self), (self.where, self.problem))


class EmptyInputError(InputError):
    """The file or record holds no text."""


class EncodingError(InputError):
    """The bytes cannot be decoded as text."""


class FormatError(InputError):
    """The content is not in the format its name or first bytes announce."""


class NoArticleError(InputError):
    """An HTML page in which boilerplate removal found no article body."""


class ModelError(ChroniqueError):
    """A language model or packaged resource cannot be loaded."""


class StoreError(ChroniqueError):
    """The event store cannot be opened, migrated or written."""


class ConfigError(ChroniqueError):
    """A configuration value is invalid."""
