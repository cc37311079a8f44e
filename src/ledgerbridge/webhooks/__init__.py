"""Signed outgoing webhooks: :mod:`.signing` (sign and verify) and :mod:`.delivery` (the outbox dispatcher)."""
