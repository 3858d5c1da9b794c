"""accord.consumer (being built)."""
