from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem")



@_attrs_define
class CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem:
    """ 
        Attributes:
            e_invoice_line_id (str): Factur-X line identifier (BT-126 LineID).
            ledger_account_id (int | None | Unset): Ledger account id for this line. Example: 123.
            product_id (int | None | Unset): Product id for this line. Example: 456.
     """

    e_invoice_line_id: str
    ledger_account_id: int | None | Unset = UNSET
    product_id: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        e_invoice_line_id = self.e_invoice_line_id

        ledger_account_id: int | None | Unset
        if isinstance(self.ledger_account_id, Unset):
            ledger_account_id = UNSET
        else:
            ledger_account_id = self.ledger_account_id

        product_id: int | None | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "e_invoice_line_id": e_invoice_line_id,
        })
        if ledger_account_id is not UNSET:
            field_dict["ledger_account_id"] = ledger_account_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        e_invoice_line_id = d.pop("e_invoice_line_id")

        def _parse_ledger_account_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ledger_account_id = _parse_ledger_account_id(d.pop("ledger_account_id", UNSET))


        def _parse_product_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))


        customer_invoices_e_invoices_imports_import_options_invoice_lines_item = cls(
            e_invoice_line_id=e_invoice_line_id,
            ledger_account_id=ledger_account_id,
            product_id=product_id,
        )

        return customer_invoices_e_invoices_imports_import_options_invoice_lines_item

