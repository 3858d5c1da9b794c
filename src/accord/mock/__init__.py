"""accord.mock (being built)."""
