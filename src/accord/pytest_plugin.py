"""pytest plugin (entry point `accord`): cheap to import; fixtures arrive with the consumer DSL."""

from __future__ import annotations
