"""Pacts for verification: selector validation and resolution, pending and WIP rules, notices
and the metadata carried in the pact URLs (design note §3.7, §5.1–5.3)."""
