"""Creates whose provider answer was lost: which failures leave the outcome unknown, and how it is found out.

A keyed create that failed *definitely* (our checks, a 4xx, a 429 or 503, a connection that failed before the
request was sent) wrote nothing, and its Idempotency-Key is released as before. One whose answer was lost after
the request was sent (a read timeout, a connection dropped mid-answer, a 500/502/504: see
:func:`ledgerbridge.connectors.http.may_have_acted`), or whose store step failed after the provider said yes,
may have created the record: its key is kept, ``uncertain``, for its whole lifetime, and nothing is sent again
until the outcome is known.

Finding out (:func:`settle`), on the caller's retry with the same key or in the background pass
(:mod:`ledgerbridge.service.pending`):

1. Look the record up at the provider by the marker the create wrote into it (QuickBooks: a last line of
   ``PrivateNote``; Xero: the invoice's ``Url``), among the records changed since the attempt. Found → it is
   stored and answered 201, as the lost answer would have been.
2. Not found → nothing was created: the retry creates it afresh, under the *same* provider-side key, so a
   provider that still remembers the key (and, say, is slow to list what it just wrote) replays rather than
   writes twice.
3. The object has no lookup (every provider but QuickBooks and Xero today) → the outcome cannot be told: the
   retry gets 409 saying so, and the key stays reserved.

Looking up first, rather than re-sending first "while the provider still remembers the key", is deliberate:
nothing tells us whether a provider still remembers, and a re-send it no longer recognises writes a duplicate
that nobody notices; a lookup costs one read.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from ledgerbridge.connectors.base import CANNOT_TELL, Connector
from ledgerbridge.errors import Conflict, LedgerbridgeError, ProviderError
from ledgerbridge.remote import RemoteRecord

# Records are looked up among those the provider changed since the attempt, less this much for clocks that
# disagree (the provider stamps its records with its own clock).
CLOCK_SKEW = dt.timedelta(minutes=5)


def unknown(error: BaseException) -> bool:
    """Whether a failure of the provider call leaves unknown whether the provider wrote: a lost answer, or
    anything unexpected (a crash or a cancellation after the request left)."""
    if isinstance(error, ProviderError):
        return error.may_have_written
    return not isinstance(error, LedgerbridgeError)  # our own checks and refusals happen before any call


def explain(error: BaseException) -> None:
    """Tell the caller what a lost answer means for them."""
    if isinstance(error, LedgerbridgeError):
        error.message += (
            " — the provider's answer was lost, so it may have created the record: retry with the same "
            "Idempotency-Key, which finds out before sending anything again (it will not be created twice)"
        )


async def settle(connector: Connector, object_name: str, body: BaseModel, *, provider_key: str,
                 sent_at: dt.datetime) -> RemoteRecord | None:
    """The record the earlier attempt created at the provider, or None if it created nothing.

    Raises :class:`Conflict` when the provider cannot be asked (no lookup for this object), and the provider's
    error when the lookup itself fails: in both cases the outcome stays unknown.
    """
    found = await connector.find_created(object_name, body, request_key=provider_key, since=sent_at - CLOCK_SKEW)
    if found is CANNOT_TELL:
        raise Conflict(
            f"An earlier request with this Idempotency-Key lost {connector.provider}'s answer, and Ledgerbridge "
            f"cannot ask {connector.provider} whether that {object_name} was created. Check at "
            f"{connector.provider}; this key stays reserved for its lifetime (use a new key to create it again)"
        )
    assert not isinstance(found, type(CANNOT_TELL))
    return found
