"""accord.broker (being built)."""
