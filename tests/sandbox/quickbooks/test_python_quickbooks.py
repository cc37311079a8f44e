"""Drive the sandbox with the unmodified python-quickbooks SDK: if the SDK works, the wire format is right."""

from __future__ import annotations

from decimal import Decimal

import pytest
from intuitlib.client import AuthClient
from intuitlib.exceptions import AuthClientError
from quickbooks.exceptions import ObjectNotFoundException, QuickbooksException, ValidationException
from quickbooks.objects.base import LinkedTxn, Ref
from quickbooks.objects.bill import Bill
from quickbooks.objects.customer import Customer
from quickbooks.objects.detailline import (
    AccountBasedExpenseLine,
    AccountBasedExpenseLineDetail,
    SalesItemLine,
    SalesItemLineDetail,
)
from quickbooks.objects.invoice import Invoice
from quickbooks.objects.payment import Payment, PaymentLine
from quickbooks.objects.vendor import Vendor

from .conftest import CLIENT_ID, CLIENT_SECRET, REDIRECT


def _ref(value: str) -> Ref:
    ref = Ref()
    ref.value = value
    return ref


def _invoice(customer_id: str, qty: int = 2, price: str = "150.25") -> Invoice:
    line = SalesItemLine()
    line.Amount = Decimal(price) * qty
    line.SalesItemLineDetail = SalesItemLineDetail()
    line.SalesItemLineDetail.ItemRef = _ref("4")
    line.SalesItemLineDetail.Qty = qty
    line.SalesItemLineDetail.UnitPrice = Decimal(price)
    inv = Invoice()
    inv.CustomerRef = _ref(customer_id)
    inv.Line.append(line)
    return inv


def test_customer_invoice_roundtrip_and_idempotency(qb, live) -> None:
    customer = Customer()
    customer.DisplayName = "SDK Customer"
    customer = customer.save(qb=qb)
    assert customer.Id and customer.SyncToken == "0"
    before = live.sandbox.count(live.realm, "Invoice")
    created = _invoice(customer.Id).save(qb=qb, request_id="req-inv-1")
    again = _invoice(customer.Id).save(qb=qb, request_id="req-inv-1")
    assert again.Id == created.Id
    assert live.sandbox.count(live.realm, "Invoice") == before + 1
    fetched = Invoice.get(created.Id, qb=qb)
    assert fetched.TotalAmt == 300.5 and fetched.Balance == 300.5
    assert fetched.CustomerRef.name == "SDK Customer"
    assert fetched.Line[-1].DetailType == "SubTotalLineDetail"
    assert Invoice.count(qb=qb) == live.sandbox.count(live.realm, "Invoice")


def test_query_paging_filter_where(qb, live) -> None:
    total = Invoice.count(qb=qb)
    pages = [Invoice.all(start_position=1 + i * 5, max_results=5, qb=qb) for i in range((total + 4) // 5)]
    ids = [inv.Id for page in pages for inv in page]
    assert len(ids) == total and len(set(ids)) == total
    assert ids == sorted(ids, key=int)
    assert Invoice.all(start_position=total + 1, max_results=5, qb=qb) == []
    amy = Invoice.filter(CustomerRef="1", qb=qb)
    assert amy and all(i.CustomerRef.value == "1" for i in amy)
    desc = Invoice.where("TotalAmt > '0'", order_by="TotalAmt DESC", qb=qb)
    amounts = [i.TotalAmt for i in desc]
    assert amounts == sorted(amounts, reverse=True)
    assert len(Invoice.query("SELECT * FROM Invoice MAXRESULTS 3", qb=qb)) == 3
    assert Invoice.count("CustomerRef = '1'", qb=qb) == len(amy)


def test_sparse_update_and_stale_synctoken(qb) -> None:
    inv = Invoice.get("2", qb=qb)
    token = inv.SyncToken
    inv.PrivateNote = "updated by sdk"
    inv.sparse = True
    updated = inv.save(qb=qb)
    assert updated.SyncToken == str(int(token) + 1) and updated.PrivateNote == "updated by sdk"
    stale = Invoice.get("2", qb=qb)
    stale.SyncToken = token
    with pytest.raises(QuickbooksException) as err:  # 5010 is outside the SDK's Validation range
        stale.save(qb=qb)
    assert err.value.error_code == 5010


def test_validation_and_not_found(qb, live) -> None:
    before = live.sandbox.count(live.realm, "Invoice")
    with pytest.raises(ValidationException) as err:
        _invoice("99999").save(qb=qb)
    assert err.value.error_code == 2500
    missing = _invoice("1")
    missing.CustomerRef = None
    with pytest.raises(ValidationException) as err2:
        missing.save(qb=qb)
    assert err2.value.error_code == 2020
    assert live.sandbox.count(live.realm, "Invoice") == before
    with pytest.raises(ObjectNotFoundException):
        Invoice.get("424242", qb=qb)


def test_bill_payment_and_delete(qb, live) -> None:
    vendor = Vendor()
    vendor.DisplayName = "SDK Vendor"
    vendor = vendor.save(qb=qb)
    bill = Bill()
    bill.VendorRef = _ref(vendor.Id)
    line = AccountBasedExpenseLine()
    line.Amount = Decimal("99.95")
    line.AccountBasedExpenseLineDetail = AccountBasedExpenseLineDetail()
    line.AccountBasedExpenseLineDetail.AccountRef = _ref("10")
    bill.Line.append(line)
    bill = bill.save(qb=qb)
    assert bill.TotalAmt == 99.95 and bill.Balance == 99.95 and bill.APAccountRef.value == "4"

    inv = _invoice("2", qty=3, price="10").save(qb=qb)
    payment = Payment()
    payment.CustomerRef = _ref("2")
    payment.TotalAmt = 20
    pline = PaymentLine()
    pline.Amount = 20
    link = LinkedTxn()
    link.TxnId, link.TxnType = inv.Id, "Invoice"
    pline.LinkedTxn.append(link)
    payment.Line.append(pline)
    payment = payment.save(qb=qb)
    after = Invoice.get(inv.Id, qb=qb)
    assert after.Balance == 10 and after.TotalAmt == 30
    assert any(t.TxnId == payment.Id and t.TxnType == "Payment" for t in after.LinkedTxn)

    over = Payment()
    over.CustomerRef = _ref("2")
    over.TotalAmt = 50
    oline = PaymentLine()
    oline.Amount = 50
    olink = LinkedTxn()
    olink.TxnId, olink.TxnType = inv.Id, "Invoice"
    oline.LinkedTxn.append(olink)
    over.Line.append(oline)
    with pytest.raises(QuickbooksException):
        over.save(qb=qb)
    assert Invoice.get(inv.Id, qb=qb).Balance == 10

    payment.delete(qb=qb)
    assert Invoice.get(inv.Id, qb=qb).Balance == 30
    doomed = Invoice.get(inv.Id, qb=qb)
    doomed.delete(qb=qb)
    with pytest.raises(ObjectNotFoundException):
        Invoice.get(inv.Id, qb=qb)


def test_oauth_refresh_rotates(live) -> None:
    tokens = live.sandbox.issue_tokens(CLIENT_ID, live.realm)
    auth = AuthClient(CLIENT_ID, CLIENT_SECRET, environment=f"{live.url}/.well-known/openid_configuration",
                      redirect_uri=REDIRECT, refresh_token=tokens["refresh_token"])
    assert auth.token_endpoint == f"{live.url}/oauth2/v1/tokens/bearer"
    auth.refresh()
    assert auth.access_token and auth.refresh_token != tokens["refresh_token"]
    assert live.sandbox.check_access_token(auth.access_token, live.realm) is None
    with pytest.raises(AuthClientError):
        auth.refresh(refresh_token=tokens["refresh_token"])
    bad = AuthClient(CLIENT_ID, "wrong", environment=f"{live.url}/.well-known/openid_configuration",
                     redirect_uri=REDIRECT)
    with pytest.raises(AuthClientError) as err:
        bad.refresh(refresh_token=auth.refresh_token)
    assert err.value.status_code == 401
