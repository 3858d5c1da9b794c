"""accord.matching (being built)."""
