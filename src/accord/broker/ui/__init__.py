"""A small HTML view for people who open the broker in a browser: the integrations with their
latest pact and verification status, and each pact's interactions. API clients never see it:
requests go to the UI only when their Accept header asks for HTML and not for JSON (§1)."""
