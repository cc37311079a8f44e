"""Offset-paged lists read several pages at a time.

A provider that pages by position (QuickBooks ``STARTPOSITION``) lets page N+1 be asked for before page N has
arrived, so a long list is read at the pace the account's quota allows rather than one round trip at a time.
The pages still come out in order, and at most ``ahead`` are in flight or waiting (memory stays bounded).

So as not to spend quota on pages past the end, the first page is read alone (most lists fit in one); only when
it is full is the number of rows asked for (``count``, one call), and pages are requested up to that number.
Rows added during the read are still found: past the counted end, pages are read one by one until a short one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def offset_pages(
    fetch: Callable[[int], Coroutine[Any, Any, tuple[int, T]]],
    *,
    page_size: int,
    count: Callable[[], Awaitable[int]] | None,
    ahead: int,
) -> AsyncIterator[T]:
    """Yield ``fetch(position)`` results in order for positions 1, 1 + page_size, …, until a short page.

    ``fetch`` returns the number of provider rows on the page (to see a short one) and the page as it should be
    yielded (e.g. already mapped). ``count`` gives how many rows the list holds; without it pages are read one
    at a time.
    """
    rows, first = await fetch(1)
    if rows == 0:
        return
    yield first
    if rows < page_size:
        return
    end = await count() if count is not None and ahead > 1 else 0  # last position worth asking for ahead
    position = 1 + page_size
    pending: deque[asyncio.Task[tuple[int, T]]] = deque()
    try:
        while True:
            # Past the counted end only one page is asked for at a time: it is probably empty or short.
            while len(pending) < ahead and (position <= end or not pending):
                pending.append(asyncio.create_task(fetch(position)))
                position += page_size
            rows, page = await pending.popleft()
            if rows == 0:
                return
            yield page
            if rows < page_size:
                return
    finally:
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
