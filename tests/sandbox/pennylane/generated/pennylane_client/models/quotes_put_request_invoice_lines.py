from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.quotes_put_request_invoice_lines_delete_item import QuotesPutRequestInvoiceLinesDeleteItem
  from ..models.quotes_put_request_invoice_lines_product_based_invoice_line import QuotesPutRequestInvoiceLinesProductBasedInvoiceLine
  from ..models.quotes_put_request_invoice_lines_standard_invoice_line import QuotesPutRequestInvoiceLinesStandardInvoiceLine
  from ..models.quotes_put_request_invoice_lines_update_item import QuotesPutRequestInvoiceLinesUpdateItem





T = TypeVar("T", bound="QuotesPutRequestInvoiceLines")



@_attrs_define
class QuotesPutRequestInvoiceLines:
    """ Add, update, delete invoice lines.

        Attributes:
            create (list[QuotesPutRequestInvoiceLinesProductBasedInvoiceLine |
                QuotesPutRequestInvoiceLinesStandardInvoiceLine] | Unset):
            update (list[QuotesPutRequestInvoiceLinesUpdateItem] | Unset):
            delete (list[QuotesPutRequestInvoiceLinesDeleteItem] | Unset):
     """

    create: list[QuotesPutRequestInvoiceLinesProductBasedInvoiceLine | QuotesPutRequestInvoiceLinesStandardInvoiceLine] | Unset = UNSET
    update: list[QuotesPutRequestInvoiceLinesUpdateItem] | Unset = UNSET
    delete: list[QuotesPutRequestInvoiceLinesDeleteItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quotes_put_request_invoice_lines_delete_item import QuotesPutRequestInvoiceLinesDeleteItem # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines_product_based_invoice_line import QuotesPutRequestInvoiceLinesProductBasedInvoiceLine # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines_standard_invoice_line import QuotesPutRequestInvoiceLinesStandardInvoiceLine # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines_update_item import QuotesPutRequestInvoiceLinesUpdateItem # noqa: PLC0415
        create: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.create, Unset):
            create = []
            for create_item_data in self.create:
                create_item: dict[str, Any]
                if isinstance(create_item_data, QuotesPutRequestInvoiceLinesProductBasedInvoiceLine):
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
        from ..models.quotes_put_request_invoice_lines_delete_item import QuotesPutRequestInvoiceLinesDeleteItem # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines_product_based_invoice_line import QuotesPutRequestInvoiceLinesProductBasedInvoiceLine # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines_standard_invoice_line import QuotesPutRequestInvoiceLinesStandardInvoiceLine # noqa: PLC0415
        from ..models.quotes_put_request_invoice_lines_update_item import QuotesPutRequestInvoiceLinesUpdateItem # noqa: PLC0415
        d = dict(src_dict)
        _create = d.pop("create", UNSET)
        create: list[QuotesPutRequestInvoiceLinesProductBasedInvoiceLine | QuotesPutRequestInvoiceLinesStandardInvoiceLine] | Unset = UNSET
        if _create is not UNSET:
            create = []
            for create_item_data in _create:
                def _parse_create_item(data: object) -> QuotesPutRequestInvoiceLinesProductBasedInvoiceLine | QuotesPutRequestInvoiceLinesStandardInvoiceLine:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        create_item_product_based_invoice_line = QuotesPutRequestInvoiceLinesProductBasedInvoiceLine.from_dict(data)



                        return create_item_product_based_invoice_line
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    create_item_standard_invoice_line = QuotesPutRequestInvoiceLinesStandardInvoiceLine.from_dict(data)



                    return create_item_standard_invoice_line

                create_item = _parse_create_item(create_item_data)

                create.append(create_item)


        _update = d.pop("update", UNSET)
        update: list[QuotesPutRequestInvoiceLinesUpdateItem] | Unset = UNSET
        if _update is not UNSET:
            update = []
            for update_item_data in _update:
                update_item = QuotesPutRequestInvoiceLinesUpdateItem.from_dict(update_item_data)



                update.append(update_item)


        _delete = d.pop("delete", UNSET)
        delete: list[QuotesPutRequestInvoiceLinesDeleteItem] | Unset = UNSET
        if _delete is not UNSET:
            delete = []
            for delete_item_data in _delete:
                delete_item = QuotesPutRequestInvoiceLinesDeleteItem.from_dict(delete_item_data)



                delete.append(delete_item)


        quotes_put_request_invoice_lines = cls(
            create=create,
            update=update,
            delete=delete,
        )

        return quotes_put_request_invoice_lines

