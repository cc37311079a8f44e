"""A unit of work over :class:`Store`: writes are staged, visible to later elements of the same batch, and
committed together — or not at all. That is how a 400 ValidationException guarantees nothing was written,
while ``summarizeErrors=false`` can still keep the good elements (``mark``/``rollback`` per element).
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from .registry import Kind, kind
from .state import NAMESPACE, Store


class UnitOfWork:
    def __init__(self, store: Store, tenant: str, *, id_prefix: str | None = None,
                 fixed_ms: int | None = None) -> None:
        self.store, self.tenant = store, tenant
        self.pending: dict[tuple[str, str], dict[str, Any]] = {}
        self.counters: dict[str, int] = {}
        # Seeding passes id_prefix/fixed_ms so the same seed produces byte-identical data.
        self.id_prefix, self.fixed_ms = id_prefix, fixed_ms
        self._n = 0
        self._stamp: int | None = None

    def new_id(self) -> str:
        if self.id_prefix is None:
            return str(uuid.uuid4())
        self._n += 1
        return str(uuid.uuid5(NAMESPACE, f"{self.tenant}/{self.id_prefix}/{self._n}"))

    def stamp(self) -> int:
        """One UpdatedDateUTC per unit of work: everything written together carries the same time."""
        if self.fixed_ms is not None:
            return self.fixed_ms
        if self._stamp is None:
            self._stamp = self.store.stamp_ms()
        return self._stamp

    def get(self, coll: str, obj_id: str | None) -> dict[str, Any] | None:
        if not obj_id:
            return None
        k = kind(coll)
        hit = self.pending.get((k.name, str(obj_id).lower()))
        if hit is not None:
            return copy.deepcopy(hit)
        return self.store.get(self.tenant, k.name, str(obj_id))

    def find_key(self, coll: str, key: str) -> list[dict[str, Any]]:
        k = kind(coll)
        out = [r for r in self.store.find_key(self.tenant, k.name, key)
               if (k.name, str(r[k.id_field]).lower()) not in self.pending]
        out += [copy.deepcopy(v) for (c, _), v in self.pending.items()
                if c == k.name and k.key_field and str(v.get(k.key_field) or "").lower() == key.lower()]
        return out

    def put(self, coll: str, data: dict[str, Any]) -> None:
        k: Kind = kind(coll)
        self.pending[(k.name, str(data[k.id_field]).lower())] = data

    def counter(self, name: str) -> int:
        if name not in self.counters:
            self.counters[name] = self.store.counter(self.tenant, name)
        return self.counters[name]

    def set_counter(self, name: str, value: int) -> None:
        self.counters[name] = value

    def mark(self) -> tuple[dict[tuple[str, str], dict[str, Any]], dict[str, int]]:
        return dict(self.pending), dict(self.counters)

    def rollback(self, mark: tuple[dict[tuple[str, str], dict[str, Any]], dict[str, int]]) -> None:
        self.pending, self.counters = dict(mark[0]), dict(mark[1])

    def commit(self) -> None:
        if not self.pending and not self.counters:
            return
        with self.store.transaction():
            for (coll, obj_id), data in self.pending.items():
                k = kind(coll)
                ms = _updated_ms(data) or self.stamp()
                self.store.put(self.tenant, coll, obj_id, data, updated_ms=ms, **k.columns(data))
            for name, value in self.counters.items():
                self.store.set_counter(self.tenant, name, value)
        self.pending.clear()


def _updated_ms(data: dict[str, Any]) -> int | None:
    value = data.get("UpdatedDateUTC") or data.get("CreatedDateUTC")
    if isinstance(value, str) and value.startswith("/Date("):
        return int(value[6:].split("+")[0].split(")")[0])
    return None
