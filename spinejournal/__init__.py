"""spinejournal: a pain and mobility journal for people doing physical therapy."""

__version__ = "0.1.0"
