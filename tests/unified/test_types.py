from decimal import Decimal

import pytest
from pydantic import ValidationError

from ledgerbridge import wire
from ledgerbridge.unified.invoice import InvoiceInput, InvoiceStatus, InvoiceType

SEED = {
    "type": "Sales",
    "status": "Paid",
    "currency": "usd",
    "exchange_rate": "1.2",
    "issue_date": "2024-06-15T12:00:00Z",
    "line_items": [{"name": "Net Income", "value": 100000, "type": "Operating Activities", "remote_id": "x"}],
}


def test_seed_body_maps_panora_words_and_report_line_shape() -> None:
    invoice = InvoiceInput.model_validate(SEED)
    assert invoice.type is InvoiceType.ACCOUNTS_RECEIVABLE
    assert invoice.status is InvoiceStatus.PAID
    assert invoice.currency == "USD"
    line = invoice.line_items[0]
    assert (line.description, line.total_amount, line.quantity, line.unit_price) == (
        "Net Income", Decimal(100000), Decimal(1), Decimal(100000)
    )
    assert invoice.issue_date is not None and invoice.issue_date.utcoffset() is not None


@pytest.mark.parametrize("word, expected", [
    ("Purchase", InvoiceType.ACCOUNTS_PAYABLE), ("ACCOUNTS_PAYABLE", InvoiceType.ACCOUNTS_PAYABLE),
    ("accounts_receivable", InvoiceType.ACCOUNTS_RECEIVABLE), ("Sales", InvoiceType.ACCOUNTS_RECEIVABLE),
])
def test_invoice_type_accepts_panora_and_merge_words(word: str, expected: InvoiceType) -> None:
    assert InvoiceInput.model_validate({**SEED, "type": word}).type is expected


def test_money_is_exact_decimal_through_json() -> None:
    body = wire.loads('{"type":"Sales","line_items":[{"quantity":2,"unit_price":150.25,"total_amount":300.50}]}')
    line = InvoiceInput.model_validate(body).line_items[0]
    assert line.quantity * line.unit_price == Decimal("300.50")
    assert wire.dumps({"amount": line.quantity * line.unit_price}) == '{"amount":300.50}'


@pytest.mark.parametrize("field, value", [
    ("currency", "XXQ"), ("issue_date", "2024-13-45"), ("type", "Gift"), ("status", "LOST"),
    ("exchange_rate", "abc"),
])
def test_bad_values_name_their_field(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as info:
        InvoiceInput.model_validate({**SEED, field: value})
    assert [e["loc"][0] for e in info.value.errors()] == [field]


@pytest.mark.parametrize("amount", [True, "NaN", "1e13", "0.0000001", [1]])
def test_money_rejects_non_numbers_and_out_of_range(amount: object) -> None:
    with pytest.raises(ValidationError):
        InvoiceInput.model_validate({**SEED, "line_items": [{"total_amount": amount}]})


def test_naive_and_date_only_become_utc() -> None:
    invoice = InvoiceInput.model_validate({**SEED, "issue_date": "2024-06-15", "due_date": "2024-07-15T10:00:00"})
    assert invoice.issue_date.isoformat() == "2024-06-15T00:00:00+00:00"
    assert invoice.due_date.isoformat() == "2024-07-15T10:00:00+00:00"


def test_read_only_fields_are_ignored() -> None:
    invoice = InvoiceInput.model_validate({**SEED, "id": "x", "remote_id": "r", "created_at": "not a date"})
    assert not hasattr(invoice, "remote_id")


def test_wire_writes_integers_beyond_64_bits_as_their_digits() -> None:
    """JSON has no integer limit; a caller's body may hold any integer, and hashing or storing it must not fail."""
    from ledgerbridge import wire

    body = {"big": 2**70, "nested": [{"small": -(2**65)}, 7, True], "amount": Decimal("300.50")}
    text = wire.dumps(body)
    assert text == '{"big":1180591620717411303424,"nested":[{"small":-36893488147419103232},7,true],"amount":300.50}'
    assert wire.loads(text) == body
