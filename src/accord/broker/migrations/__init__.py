"""Alembic migrations of the broker schema (script_location "accord.broker:migrations")."""
