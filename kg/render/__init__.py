"""Drawing the actor network: a self-contained interactive HTML page (vis-network, offline)."""

from __future__ import annotations

from kg.render.html import render_html, write_html

__all__ = ["render_html", "write_html"]
