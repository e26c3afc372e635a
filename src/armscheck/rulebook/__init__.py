"""The rulebook: rule files, the reference lists they rely on, and the compiled cache."""
