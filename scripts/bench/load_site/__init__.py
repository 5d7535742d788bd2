"""The load benchmark's server: the real site plus a minimal hello view (see settings.py)."""
