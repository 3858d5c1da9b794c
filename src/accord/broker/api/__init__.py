"""The HTTP layer: route modules (resources), representers (model → HAL), URL builders,
request reading, error rendering, authorisation. Services do the work; this layer translates."""
