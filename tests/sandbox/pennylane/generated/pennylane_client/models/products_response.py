from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.products_response_currency import ProductsResponseCurrency
from ..models.products_response_vat_rate import ProductsResponseVatRate
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.products_response_ledger_account_type_0 import ProductsResponseLedgerAccountType0





T = TypeVar("T", bound="ProductsResponse")



@_attrs_define
class ProductsResponse:
    """ 
        Attributes:
            id (int):  Example: 1.
            label (str): Product label Example: Product 1.
            description (str): Product description Example: This is product 1.
            external_reference (str): The unique external reference assigned to this Product, assigned on creation either by
                you or Pennylane. (Same attribute as `source_id` in the API v1) Example: 0e67fc3c-c632-4feb-ad34-e18ed5fbf66a.
            price_before_tax (str): Product price without taxes Example: 12.5.
            vat_rate (ProductsResponseVatRate): Product VAT rate. A 20% VAT in France is FR_200. Example: FR_200.
            price (str):  Example: 13.6.
            unit (str): Product unit Example: piece.
            currency (ProductsResponseCurrency):  Default: ProductsResponseCurrency.EUR.
            reference (None | str): Product reference Example: REF-123.
            ledger_account (None | ProductsResponseLedgerAccountType0):
            archived_at (datetime.datetime | None): The time the product has been archived Example:
                2023-09-30T10:08:08.146343Z.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: str
    description: str
    external_reference: str
    price_before_tax: str
    vat_rate: ProductsResponseVatRate
    price: str
    unit: str
    reference: None | str
    ledger_account: None | ProductsResponseLedgerAccountType0
    archived_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    currency: ProductsResponseCurrency = ProductsResponseCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.products_response_ledger_account_type_0 import ProductsResponseLedgerAccountType0 # noqa: PLC0415
        id = self.id

        label = self.label

        description = self.description

        external_reference = self.external_reference

        price_before_tax = self.price_before_tax

        vat_rate = self.vat_rate.value

        price = self.price

        unit = self.unit

        currency = self.currency.value

        reference: None | str
        reference = self.reference

        ledger_account: dict[str, Any] | None
        if isinstance(self.ledger_account, ProductsResponseLedgerAccountType0):
            ledger_account = self.ledger_account.to_dict()
        else:
            ledger_account = self.ledger_account

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "description": description,
            "external_reference": external_reference,
            "price_before_tax": price_before_tax,
            "vat_rate": vat_rate,
            "price": price,
            "unit": unit,
            "currency": currency,
            "reference": reference,
            "ledger_account": ledger_account,
            "archived_at": archived_at,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.products_response_ledger_account_type_0 import ProductsResponseLedgerAccountType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        description = d.pop("description")

        external_reference = d.pop("external_reference")

        price_before_tax = d.pop("price_before_tax")

        vat_rate = ProductsResponseVatRate(d.pop("vat_rate"))




        price = d.pop("price")

        unit = d.pop("unit")

        currency = ProductsResponseCurrency(d.pop("currency"))




        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        def _parse_ledger_account(data: object) -> None | ProductsResponseLedgerAccountType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ledger_account_type_0 = ProductsResponseLedgerAccountType0.from_dict(data)



                return ledger_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductsResponseLedgerAccountType0, data)

        ledger_account = _parse_ledger_account(d.pop("ledger_account"))


        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)



                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        products_response = cls(
            id=id,
            label=label,
            description=description,
            external_reference=external_reference,
            price_before_tax=price_before_tax,
            vat_rate=vat_rate,
            price=price,
            unit=unit,
            currency=currency,
            reference=reference,
            ledger_account=ledger_account,
            archived_at=archived_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return products_response

