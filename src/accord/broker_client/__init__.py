"""accord.broker_client (being built)."""
