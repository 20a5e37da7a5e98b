"""Dialogs: a damaged file, choosing a backup, the About box."""
