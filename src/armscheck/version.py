"""The release number, in one place (read by the package, the CLI, caches and records)."""

__version__ = "0.1.0"
