"""Run by the Panora SDK's own interpreter (its virtualenv; see tests/panora_sdk.py), never imported by the tests.

Reads ``{"base_url", "api_key", "token", "invoice"}`` as JSON on stdin, then as a Panora client would: creates the
invoice with ``panora_sdk``, retrieves it, lists every page of invoices; prints what it saw as JSON on stdout.
"""

import json
import sys

from panora_sdk import Panora

args = json.load(sys.stdin)
panora = Panora(api_key=args["api_key"], server_url=args["base_url"])
invoices = panora.accounting.invoices

created = invoices.create(x_connection_token=args["token"], unified_accounting_invoice_input=args["invoice"])
retrieved = invoices.retrieve(x_connection_token=args["token"], id=created.id)
# Paged by hand: the SDK's own ``page.next()`` reads a null ``next_cursor`` (the last page, as Panora's spec
# has it) as "no cursor" and starts over from the first page, forever.
listed = []
cursor = None
while True:
    page = invoices.list(x_connection_token=args["token"], limit=100, cursor=cursor)
    listed += [row.id for row in page.result.data]
    cursor = page.result.next_cursor
    if cursor is None:
        break

json.dump({
    "created": created.model_dump(mode="json"),
    "retrieved": retrieved.model_dump(mode="json"),
    "listed": listed,
}, sys.stdout)
