"""A flat two-part SVG badge (the shields.io look) rendered locally, so badges work without
network access from the broker."""

from __future__ import annotations

from html import escape

COLOURS = {"brightgreen": "#4c1", "red": "#e05d44", "orange": "#fe7d37", "lightgrey": "#9f9f9f"}


def _width(text: str) -> int:
    # Verdana 11px averages ~6.5 px per character; good enough for a badge
    return int(len(text) * 6.5) + 10


def badge(left: str, right: str, colour: str) -> str:
    lw, rw = _width(left), _width(right)
    fill = COLOURS.get(colour, colour)
    left_text, right_text = escape(left), escape(right)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lw + rw}" height="20" role="img" '
        f'aria-label="{left_text}: {right_text}"><title>{left_text}: {right_text}</title>'
        f'<rect width="{lw}" height="20" fill="#555"/><rect x="{lw}" width="{rw}" height="20" fill="{fill}"/>'
        f'<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">'
        f'<text x="{lw / 2}" y="14">{left_text}</text><text x="{lw + rw / 2}" y="14">{right_text}</text></g></svg>'
    )
