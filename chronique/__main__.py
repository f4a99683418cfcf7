"""``python -m chronique``: the command-line interface."""

from .cli import run

run()
