"""Ledgerbridge: a self-hostable unified accounting API."""
