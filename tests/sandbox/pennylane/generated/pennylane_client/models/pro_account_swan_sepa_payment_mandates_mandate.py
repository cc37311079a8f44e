from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.pro_account_swan_sepa_payment_mandates_mandate_customer_type_0 import ProAccountSwanSepaPaymentMandatesMandateCustomerType0





T = TypeVar("T", bound="ProAccountSwanSepaPaymentMandatesMandate")



@_attrs_define
class ProAccountSwanSepaPaymentMandatesMandate:
    """ Payment mandate for Pro Account

        Attributes:
            status (str): Current status of the mandate Example: enabled.
            early_execution_date_permitted (bool): Whether early execution date is permitted for this mandate Example:
                False.
            active_billing_subscription (bool): Whether the customer has at least one active billing subscription Example:
                False.
            signed_at (datetime.date | None): Date when the mandate was signed Example: 2024-01-15.
            created_at (datetime.datetime): Date and time when the mandate was created Example: 2024-01-15T10:30:00Z.
            pdf_url (None | str): URL to the PDF file of the mandate (only present for mandate type, null for
                mandate_request) Example: https://example.com/mandate.pdf.
            customer (None | ProAccountSwanSepaPaymentMandatesMandateCustomerType0): Associated customer information
     """

    status: str
    early_execution_date_permitted: bool
    active_billing_subscription: bool
    signed_at: datetime.date | None
    created_at: datetime.datetime
    pdf_url: None | str
    customer: None | ProAccountSwanSepaPaymentMandatesMandateCustomerType0





    def to_dict(self) -> dict[str, Any]:
        from ..models.pro_account_swan_sepa_payment_mandates_mandate_customer_type_0 import ProAccountSwanSepaPaymentMandatesMandateCustomerType0 # noqa: PLC0415
        status = self.status

        early_execution_date_permitted = self.early_execution_date_permitted

        active_billing_subscription = self.active_billing_subscription

        signed_at: None | str
        if isinstance(self.signed_at, datetime.date):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        created_at = self.created_at.isoformat()

        pdf_url: None | str
        pdf_url = self.pdf_url

        customer: dict[str, Any] | None
        if isinstance(self.customer, ProAccountSwanSepaPaymentMandatesMandateCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "early_execution_date_permitted": early_execution_date_permitted,
            "active_billing_subscription": active_billing_subscription,
            "signed_at": signed_at,
            "created_at": created_at,
            "pdf_url": pdf_url,
            "customer": customer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pro_account_swan_sepa_payment_mandates_mandate_customer_type_0 import ProAccountSwanSepaPaymentMandatesMandateCustomerType0 # noqa: PLC0415
        d = dict(src_dict)
        status = d.pop("status")

        early_execution_date_permitted = d.pop("early_execution_date_permitted")

        active_billing_subscription = d.pop("active_billing_subscription")

        def _parse_signed_at(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.date.fromisoformat(data)



                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_pdf_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_url = _parse_pdf_url(d.pop("pdf_url"))


        def _parse_customer(data: object) -> None | ProAccountSwanSepaPaymentMandatesMandateCustomerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = ProAccountSwanSepaPaymentMandatesMandateCustomerType0.from_dict(data)



                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProAccountSwanSepaPaymentMandatesMandateCustomerType0, data)

        customer = _parse_customer(d.pop("customer"))


        pro_account_swan_sepa_payment_mandates_mandate = cls(
            status=status,
            early_execution_date_permitted=early_execution_date_permitted,
            active_billing_subscription=active_billing_subscription,
            signed_at=signed_at,
            created_at=created_at,
            pdf_url=pdf_url,
            customer=customer,
        )

        return pro_account_swan_sepa_payment_mandates_mandate

