from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines
  from ..models.update_customer_invoice_finalized_customer_invoice_transaction_reference_type_0 import UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0





T = TypeVar("T", bound="UpdateCustomerInvoiceFinalizedCustomerInvoice")



@_attrs_define
class UpdateCustomerInvoiceFinalizedCustomerInvoice:
    """ 
        Attributes:
            label (None | str | Unset): Custom label for the invoice used on accounting (ledger) entries. If not provided,
                Pennylane generates a label automatically. Example: Custom accounting label.
            transaction_reference (None | Unset | UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0):
                Schema for creating/updating a transaction reference
            invoice_lines (UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines | Unset): Update invoice lines.
            external_reference (str | Unset): The unique external reference that was assigned during creation either by you
                or Pennylane. Example: FR123.
     """

    label: None | str | Unset = UNSET
    transaction_reference: None | Unset | UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0 = UNSET
    invoice_lines: UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines | Unset = UNSET
    external_reference: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines # noqa: PLC0415
        from ..models.update_customer_invoice_finalized_customer_invoice_transaction_reference_type_0 import UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0 # noqa: PLC0415
        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        transaction_reference: dict[str, Any] | None | Unset
        if isinstance(self.transaction_reference, Unset):
            transaction_reference = UNSET
        elif isinstance(self.transaction_reference, UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0):
            transaction_reference = self.transaction_reference.to_dict()
        else:
            transaction_reference = self.transaction_reference

        invoice_lines: dict[str, Any] | Unset = UNSET
        if not isinstance(self.invoice_lines, Unset):
            invoice_lines = self.invoice_lines.to_dict()

        external_reference = self.external_reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if label is not UNSET:
            field_dict["label"] = label
        if transaction_reference is not UNSET:
            field_dict["transaction_reference"] = transaction_reference
        if invoice_lines is not UNSET:
            field_dict["invoice_lines"] = invoice_lines
        if external_reference is not UNSET:
            field_dict["external_reference"] = external_reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines # noqa: PLC0415
        from ..models.update_customer_invoice_finalized_customer_invoice_transaction_reference_type_0 import UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        def _parse_transaction_reference(data: object) -> None | Unset | UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transaction_reference_type_0 = UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0.from_dict(data)



                return transaction_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdateCustomerInvoiceFinalizedCustomerInvoiceTransactionReferenceType0, data)

        transaction_reference = _parse_transaction_reference(d.pop("transaction_reference", UNSET))


        _invoice_lines = d.pop("invoice_lines", UNSET)
        invoice_lines: UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines | Unset
        if isinstance(_invoice_lines,  Unset):
            invoice_lines = UNSET
        else:
            invoice_lines = UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines.from_dict(_invoice_lines)




        external_reference = d.pop("external_reference", UNSET)

        update_customer_invoice_finalized_customer_invoice = cls(
            label=label,
            transaction_reference=transaction_reference,
            invoice_lines=invoice_lines,
            external_reference=external_reference,
        )

        return update_customer_invoice_finalized_customer_invoice

