"""Good Tutoring Portfolio: build a multilingual handbook and curriculum."""

__version__ = "0.1.0"
