from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_delete_item import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem
  from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_product_based_invoice_line import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine
  from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine
  from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_update_item import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem





T = TypeVar("T", bound="UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines")



@_attrs_define
class UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLines:
    """ Add, update, delete invoice lines.

        Attributes:
            create (list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine |
                UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine] | Unset):
            update (list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem] | Unset):
            delete (list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem] | Unset): Delete invoice lines.
                Any cutoffs (deferrals, assets, or advances)
                associated with the deleted invoice lines will be automatically destroyed
                unless they have generated ledger events, in which case deletion will fail.
     """

    create: list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine | UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine] | Unset = UNSET
    update: list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem] | Unset = UNSET
    delete: list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_delete_item import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_product_based_invoice_line import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_update_item import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem # noqa: PLC0415
        create: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.create, Unset):
            create = []
            for create_item_data in self.create:
                create_item: dict[str, Any]
                if isinstance(create_item_data, UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine):
                    create_item = create_item_data.to_dict()
                else:
                    create_item = create_item_data.to_dict()

                create.append(create_item)



        update: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.update, Unset):
            update = []
            for update_item_data in self.update:
                update_item = update_item_data.to_dict()
                update.append(update_item)



        delete: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.delete, Unset):
            delete = []
            for delete_item_data in self.delete:
                delete_item = delete_item_data.to_dict()
                delete.append(delete_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if create is not UNSET:
            field_dict["create"] = create
        if update is not UNSET:
            field_dict["update"] = update
        if delete is not UNSET:
            field_dict["delete"] = delete

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_delete_item import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_product_based_invoice_line import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_standard_invoice_line import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine # noqa: PLC0415
        from ..models.update_customer_invoice_draft_customer_invoice_invoice_lines_update_item import UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem # noqa: PLC0415
        d = dict(src_dict)
        _create = d.pop("create", UNSET)
        create: list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine | UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine] | Unset = UNSET
        if _create is not UNSET:
            create = []
            for create_item_data in _create:
                def _parse_create_item(data: object) -> UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine | UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        create_item_product_based_invoice_line = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesProductBasedInvoiceLine.from_dict(data)



                        return create_item_product_based_invoice_line
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    create_item_standard_invoice_line = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesStandardInvoiceLine.from_dict(data)



                    return create_item_standard_invoice_line

                create_item = _parse_create_item(create_item_data)

                create.append(create_item)


        _update = d.pop("update", UNSET)
        update: list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem] | Unset = UNSET
        if _update is not UNSET:
            update = []
            for update_item_data in _update:
                update_item = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesUpdateItem.from_dict(update_item_data)



                update.append(update_item)


        _delete = d.pop("delete", UNSET)
        delete: list[UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem] | Unset = UNSET
        if _delete is not UNSET:
            delete = []
            for delete_item_data in _delete:
                delete_item = UpdateCustomerInvoiceDraftCustomerInvoiceInvoiceLinesDeleteItem.from_dict(delete_item_data)



                delete.append(delete_item)


        update_customer_invoice_draft_customer_invoice_invoice_lines = cls(
            create=create,
            update=update,
            delete=delete,
        )

        return update_customer_invoice_draft_customer_invoice_invoice_lines

