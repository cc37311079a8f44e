from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FinalizedCustomerInvoiceTransactionReference")



@_attrs_define
class FinalizedCustomerInvoiceTransactionReference:
    """ By adding this field you can automatically reconcile the newly created invoice with a transaction. See documentation
    about [automatic payment matching](https://pennylane.readme.io/v2.0/docs/automating-payment-matching).

        Attributes:
            banking_provider (str): The banking provider for the transaction Example: bank.
            provider_field_name (str): Name of the field that you want to match Example: label.
            provider_field_value (str): Value that you want to match Example: invoice_number.
     """

    banking_provider: str
    provider_field_name: str
    provider_field_value: str





    def to_dict(self) -> dict[str, Any]:
        banking_provider = self.banking_provider

        provider_field_name = self.provider_field_name

        provider_field_value = self.provider_field_value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "banking_provider": banking_provider,
            "provider_field_name": provider_field_name,
            "provider_field_value": provider_field_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        banking_provider = d.pop("banking_provider")

        provider_field_name = d.pop("provider_field_name")

        provider_field_value = d.pop("provider_field_value")

        finalized_customer_invoice_transaction_reference = cls(
            banking_provider=banking_provider,
            provider_field_name=provider_field_name,
            provider_field_value=provider_field_value,
        )

        return finalized_customer_invoice_transaction_reference

