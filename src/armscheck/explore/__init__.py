"""Exploring a verdict: counterfactual edits, the verdict across time and recipients, rule diffs."""
