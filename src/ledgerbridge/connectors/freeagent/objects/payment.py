"""Payments at FreeAgent: the bank transaction explanations that pay an invoice or a bill, read only."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.freeagent.mapping import payment as mapping
from ledgerbridge.connectors.freeagent.reader import Reader

READER = Reader("bank_transaction_explanations", "bank_transaction_explanation", mapping.to_unified,
                keep=mapping.is_payment)

DECLARATION = ObjectDeclaration(name="payment", list=READER.pages, fetch=READER.fetch)
