"""accord.generation (being built)."""
