"""Domain services: every state change and every query the API and the test-data builder use.

Each function takes a `Context` first. Queries live next to the rules that use them; the
modules are split by the thing they manage.
"""
