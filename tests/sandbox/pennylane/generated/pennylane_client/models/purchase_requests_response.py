from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.purchase_requests_response_currency import PurchaseRequestsResponseCurrency
from ..models.purchase_requests_response_status import PurchaseRequestsResponseStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.purchase_requests_response_delivery_address import PurchaseRequestsResponseDeliveryAddress
  from ..models.purchase_requests_response_linked_invoices import PurchaseRequestsResponseLinkedInvoices
  from ..models.purchase_requests_response_purchase_order_type_0 import PurchaseRequestsResponsePurchaseOrderType0
  from ..models.purchase_requests_response_supplier import PurchaseRequestsResponseSupplier





T = TypeVar("T", bound="PurchaseRequestsResponse")



@_attrs_define
class PurchaseRequestsResponse:
    """ 
        Attributes:
            id (int): Purchase request identifier Example: 1.
            purchase_order_number (None | str): Purchase order number Example: PR20230001.
            supplier (PurchaseRequestsResponseSupplier):
            delivery_address (PurchaseRequestsResponseDeliveryAddress):
            status (PurchaseRequestsResponseStatus):
            currency (PurchaseRequestsResponseCurrency):  Default: PurchaseRequestsResponseCurrency.EUR.
            reason (str): Reason of the request Example: I need a computer to be able to create purchase requests.
            estimated_delivery_date (datetime.date | None): Estimated delivery date for the purchase request Example:
                2023-12-31.
            amount (Any):  Example: 1234.56.
            currency_amount (str): Purchase Request currency amount (total value of the purchase request in the currency of
                the purchase request) Example: 1234.56.
            currency_amount_before_tax (str): Purchase Request currency amount before tax (total value before tax of the
                purchase request in the currency of the purchase request) Example: 1200.23.
            exchange_rate (str): Purchase request exchange rate (used to convert the purchase request to euros. If the
                purchase request currency is euro it will be 1.0) Example: 1.0.
            currency_tax (str): Purchase request taxable amount (in euros. If the currency is euro, `currency_amount` and
                `amount` are identical) Example: 34.33.
            tax (str): Purchase request taxable amount (in purchase request currency) Example: 34.33.
            purchase_order (None | PurchaseRequestsResponsePurchaseOrderType0):
            linked_invoices (PurchaseRequestsResponseLinkedInvoices):
            created_at (datetime.datetime): The time the purchase request has been created Example:
                2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the purchase request has been updated Example:
                2023-08-30T10:08:08.146343Z.
     """

    id: int
    purchase_order_number: None | str
    supplier: PurchaseRequestsResponseSupplier
    delivery_address: PurchaseRequestsResponseDeliveryAddress
    status: PurchaseRequestsResponseStatus
    reason: str
    estimated_delivery_date: datetime.date | None
    amount: Any
    currency_amount: str
    currency_amount_before_tax: str
    exchange_rate: str
    currency_tax: str
    tax: str
    purchase_order: None | PurchaseRequestsResponsePurchaseOrderType0
    linked_invoices: PurchaseRequestsResponseLinkedInvoices
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: PurchaseRequestsResponseCurrency = PurchaseRequestsResponseCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.purchase_requests_response_delivery_address import PurchaseRequestsResponseDeliveryAddress # noqa: PLC0415
        from ..models.purchase_requests_response_linked_invoices import PurchaseRequestsResponseLinkedInvoices # noqa: PLC0415
        from ..models.purchase_requests_response_purchase_order_type_0 import PurchaseRequestsResponsePurchaseOrderType0 # noqa: PLC0415
        from ..models.purchase_requests_response_supplier import PurchaseRequestsResponseSupplier # noqa: PLC0415
        id = self.id

        purchase_order_number: None | str
        purchase_order_number = self.purchase_order_number

        supplier = self.supplier.to_dict()

        delivery_address = self.delivery_address.to_dict()

        status = self.status.value

        currency = self.currency.value

        reason = self.reason

        estimated_delivery_date: None | str
        if isinstance(self.estimated_delivery_date, datetime.date):
            estimated_delivery_date = self.estimated_delivery_date.isoformat()
        else:
            estimated_delivery_date = self.estimated_delivery_date

        amount = self.amount

        currency_amount = self.currency_amount

        currency_amount_before_tax = self.currency_amount_before_tax

        exchange_rate = self.exchange_rate

        currency_tax = self.currency_tax

        tax = self.tax

        purchase_order: dict[str, Any] | None
        if isinstance(self.purchase_order, PurchaseRequestsResponsePurchaseOrderType0):
            purchase_order = self.purchase_order.to_dict()
        else:
            purchase_order = self.purchase_order

        linked_invoices = self.linked_invoices.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "purchase_order_number": purchase_order_number,
            "supplier": supplier,
            "delivery_address": delivery_address,
            "status": status,
            "currency": currency,
            "reason": reason,
            "estimated_delivery_date": estimated_delivery_date,
            "amount": amount,
            "currency_amount": currency_amount,
            "currency_amount_before_tax": currency_amount_before_tax,
            "exchange_rate": exchange_rate,
            "currency_tax": currency_tax,
            "tax": tax,
            "purchase_order": purchase_order,
            "linked_invoices": linked_invoices,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.purchase_requests_response_delivery_address import PurchaseRequestsResponseDeliveryAddress # noqa: PLC0415
        from ..models.purchase_requests_response_linked_invoices import PurchaseRequestsResponseLinkedInvoices # noqa: PLC0415
        from ..models.purchase_requests_response_purchase_order_type_0 import PurchaseRequestsResponsePurchaseOrderType0 # noqa: PLC0415
        from ..models.purchase_requests_response_supplier import PurchaseRequestsResponseSupplier # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_purchase_order_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purchase_order_number = _parse_purchase_order_number(d.pop("purchase_order_number"))


        supplier = PurchaseRequestsResponseSupplier.from_dict(d.pop("supplier"))




        delivery_address = PurchaseRequestsResponseDeliveryAddress.from_dict(d.pop("delivery_address"))




        status = PurchaseRequestsResponseStatus(d.pop("status"))




        currency = PurchaseRequestsResponseCurrency(d.pop("currency"))




        reason = d.pop("reason")

        def _parse_estimated_delivery_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                estimated_delivery_date_type_0 = datetime.date.fromisoformat(data)



                return estimated_delivery_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        estimated_delivery_date = _parse_estimated_delivery_date(d.pop("estimated_delivery_date"))


        amount = d.pop("amount")

        currency_amount = d.pop("currency_amount")

        currency_amount_before_tax = d.pop("currency_amount_before_tax")

        exchange_rate = d.pop("exchange_rate")

        currency_tax = d.pop("currency_tax")

        tax = d.pop("tax")

        def _parse_purchase_order(data: object) -> None | PurchaseRequestsResponsePurchaseOrderType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                purchase_order_type_0 = PurchaseRequestsResponsePurchaseOrderType0.from_dict(data)



                return purchase_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PurchaseRequestsResponsePurchaseOrderType0, data)

        purchase_order = _parse_purchase_order(d.pop("purchase_order"))


        linked_invoices = PurchaseRequestsResponseLinkedInvoices.from_dict(d.pop("linked_invoices"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        purchase_requests_response = cls(
            id=id,
            purchase_order_number=purchase_order_number,
            supplier=supplier,
            delivery_address=delivery_address,
            status=status,
            currency=currency,
            reason=reason,
            estimated_delivery_date=estimated_delivery_date,
            amount=amount,
            currency_amount=currency_amount,
            currency_amount_before_tax=currency_amount_before_tax,
            exchange_rate=exchange_rate,
            currency_tax=currency_tax,
            tax=tax,
            purchase_order=purchase_order,
            linked_invoices=linked_invoices,
            created_at=created_at,
            updated_at=updated_at,
        )

        return purchase_requests_response

