"""Keeping the store equal to the provider: initial and incremental pulls."""
