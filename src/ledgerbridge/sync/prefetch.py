"""Reading an async iterator ahead of its consumer, a bounded number of items at a time.

The sync stores page N while page N+1 is being fetched: the pages are produced by a task that fills a queue of
``ahead`` slots, so the producer waits when the consumer falls behind (memory stays bounded) and the consumer
gets the pages in their original order. A failure on either side ends both: the producer's exception is raised
to the consumer where the failed page would have been, and a consumer that stops early (an error while storing,
a cancellation) cancels the producer and closes the source.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator
from typing import TypeVar

T = TypeVar("T")


class _End:
    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


async def prefetched(source: AsyncIterator[T], ahead: int) -> AsyncGenerator[T, None]:
    """Yield what ``source`` yields, fetching up to ``ahead`` items before they are asked for."""
    if ahead < 1:
        async for item in source:
            yield item
        return
    queue: asyncio.Queue[T | _End] = asyncio.Queue(maxsize=ahead)

    async def produce() -> None:
        try:
            async for item in source:
                await queue.put(item)
        except Exception as exc:  # handed to the consumer, which raises it in order
            await queue.put(_End(exc))
            return
        finally:
            aclose = getattr(source, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()
        await queue.put(_End())

    producer = asyncio.create_task(produce())
    try:
        while True:
            got = await queue.get()
            if isinstance(got, _End):
                if got.error is not None:
                    raise got.error
                return
            yield got
    finally:
        if not producer.done():
            producer.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await producer
