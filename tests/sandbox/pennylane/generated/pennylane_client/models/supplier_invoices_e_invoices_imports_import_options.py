from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.supplier_invoices_e_invoices_imports_import_options_invoice_lines_item import SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem





T = TypeVar("T", bound="SupplierInvoicesEInvoicesImportsImportOptions")



@_attrs_define
class SupplierInvoicesEInvoicesImportsImportOptions:
    """ Optional JSON payload to enrich the imported supplier invoice.
    Invoice line `e_invoice_line_id` must match Factur-X BT-126 (LineID).

        Attributes:
            supplier_id (int | Unset): Supplier id for the imported invoice. Example: 12.
            invoice_lines (list[SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem] | Unset):
     """

    supplier_id: int | Unset = UNSET
    invoice_lines: list[SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.supplier_invoices_e_invoices_imports_import_options_invoice_lines_item import SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem # noqa: PLC0415
        supplier_id = self.supplier_id

        invoice_lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invoice_lines, Unset):
            invoice_lines = []
            for invoice_lines_item_data in self.invoice_lines:
                invoice_lines_item = invoice_lines_item_data.to_dict()
                invoice_lines.append(invoice_lines_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if invoice_lines is not UNSET:
            field_dict["invoice_lines"] = invoice_lines

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supplier_invoices_e_invoices_imports_import_options_invoice_lines_item import SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem # noqa: PLC0415
        d = dict(src_dict)
        supplier_id = d.pop("supplier_id", UNSET)

        _invoice_lines = d.pop("invoice_lines", UNSET)
        invoice_lines: list[SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem] | Unset = UNSET
        if _invoice_lines is not UNSET:
            invoice_lines = []
            for invoice_lines_item_data in _invoice_lines:
                invoice_lines_item = SupplierInvoicesEInvoicesImportsImportOptionsInvoiceLinesItem.from_dict(invoice_lines_item_data)



                invoice_lines.append(invoice_lines_item)


        supplier_invoices_e_invoices_imports_import_options = cls(
            supplier_id=supplier_id,
            invoice_lines=invoice_lines,
        )

        return supplier_invoices_e_invoices_imports_import_options

