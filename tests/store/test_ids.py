"""Record ids: uuid5 of the connection and "<object>:<key>", however they are computed or cached."""

from __future__ import annotations

import uuid

from ledgerbridge.ids import record_id


def test_record_id_is_uuid5_of_connection_and_key() -> None:
    connection = uuid.uuid4()
    for object_name, key in [("invoice", "Invoice/130"), ("invoice_line_item", "Invoice/130#1"),
                              ("contact", "Customer/é"), ("account", "")]:
        expected = uuid.uuid5(connection, f"{object_name}:{key}")
        assert record_id(connection, object_name, key) == expected
        assert record_id(str(connection), object_name, key) == expected  # a string id names the same connection
        assert record_id(connection, object_name, key) == expected  # again, from the cache
        assert expected.version == 5


def test_record_id_differs_by_connection_object_and_key() -> None:
    one, two = uuid.uuid4(), uuid.uuid4()
    ids = {record_id(c, o, k) for c in (one, two) for o in ("invoice", "contact") for k in ("A/1", "A/2")}
    assert len(ids) == 8
