from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.customer_invoices_e_invoices_imports_import_options_invoice_lines_item import CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem





T = TypeVar("T", bound="CustomerInvoicesEInvoicesImportsImportOptions")



@_attrs_define
class CustomerInvoicesEInvoicesImportsImportOptions:
    """ Optional JSON payload to enrich the imported customer invoice.
    Invoice line `e_invoice_line_id` must match Factur-X BT-126 (LineID).

        Attributes:
            customer_id (int | Unset): Customer id for the imported invoice. Example: 12.
            invoice_lines (list[CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem] | Unset):
     """

    customer_id: int | Unset = UNSET
    invoice_lines: list[CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_invoices_e_invoices_imports_import_options_invoice_lines_item import CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem # noqa: PLC0415
        customer_id = self.customer_id

        invoice_lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invoice_lines, Unset):
            invoice_lines = []
            for invoice_lines_item_data in self.invoice_lines:
                invoice_lines_item = invoice_lines_item_data.to_dict()
                invoice_lines.append(invoice_lines_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if invoice_lines is not UNSET:
            field_dict["invoice_lines"] = invoice_lines

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_invoices_e_invoices_imports_import_options_invoice_lines_item import CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem # noqa: PLC0415
        d = dict(src_dict)
        customer_id = d.pop("customer_id", UNSET)

        _invoice_lines = d.pop("invoice_lines", UNSET)
        invoice_lines: list[CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem] | Unset = UNSET
        if _invoice_lines is not UNSET:
            invoice_lines = []
            for invoice_lines_item_data in _invoice_lines:
                invoice_lines_item = CustomerInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem.from_dict(invoice_lines_item_data)



                invoice_lines.append(invoice_lines_item)


        customer_invoices_e_invoices_imports_import_options = cls(
            customer_id=customer_id,
            invoice_lines=invoice_lines,
        )

        return customer_invoices_e_invoices_imports_import_options

