"""Database layer: table definitions, engine/session creation and migrations at start-up."""
