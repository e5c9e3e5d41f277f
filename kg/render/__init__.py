"""Drawing the actor network: a self-contained interactive HTML page (vis-network, offline)."""

from __future__ import annotations

from kg.render.html import page_title, render_html, write_html

__all__ = ["page_title", "render_html", "write_html"]
