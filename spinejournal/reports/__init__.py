"""Therapist summary and exports: one summary built from the insights, one module per format.

Nothing here imports Textual: the CLI and the TUI both use these modules.
"""
