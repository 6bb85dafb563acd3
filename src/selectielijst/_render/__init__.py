"""Renderers: lists and change sets as text, Markdown, reStructuredText, HTML and JSON."""
