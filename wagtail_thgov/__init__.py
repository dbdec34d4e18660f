"""wagtail-thgov: a Wagtail plugin for Thai local administration websites."""

__version__ = "0.1.0"
