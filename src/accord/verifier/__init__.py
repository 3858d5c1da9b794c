"""accord.verifier (being built)."""
