"""Regression: run scenarios' expect blocks and measure which rules they cover."""
