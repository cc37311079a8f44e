from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ledger_entries_response_attachment_type_0 import LedgerEntriesResponseAttachmentType0
  from ..models.ledger_entries_response_categories_item import LedgerEntriesResponseCategoriesItem
  from ..models.ledger_entries_response_journal import LedgerEntriesResponseJournal
  from ..models.ledger_entries_response_ledger_entry_lines_item import LedgerEntriesResponseLedgerEntryLinesItem





T = TypeVar("T", bound="LedgerEntriesResponse")



@_attrs_define
class LedgerEntriesResponse:
    """ 
        Attributes:
            id (int): ID of the ledger entry Example: 1.
            label (str): Label that describes the ledger entry Example: Payment for Services.
            piece_number (None | str):  Example: TENSNYLUGV.
            date (datetime.date): Date of the ledger entry (ISO 8601) Example: 2023-08-30.
            due_date (datetime.date | None): The date the invoice is due Example: 2023-08-30.
            invoice_number (None | str): Invoice number of the document linked to the ledger entry Example: FAC-2024-001.
            journal_id (int): This attribute is **deprecated**. Please use `journal` instead. The journal ID where the
                ledger entry was created Example: 123.
            journal (LedgerEntriesResponseJournal):
            categories (list[LedgerEntriesResponseCategoriesItem]):
            ledger_attachment_filename (None | str): This attribute is deprecated. Please use `filename` from `attachment`
                instead. Example: filename.pdf.
            ledger_attachment_id (int | None): This attribute is deprecated. Ledger attachment ID Example: 42.
            attachment (LedgerEntriesResponseAttachmentType0 | None): The file attached to the ledger entry.
            ledger_entry_lines (list[LedgerEntriesResponseLedgerEntryLinesItem]): Array of entry lines
     """

    id: int
    label: str
    piece_number: None | str
    date: datetime.date
    due_date: datetime.date | None
    invoice_number: None | str
    journal_id: int
    journal: LedgerEntriesResponseJournal
    categories: list[LedgerEntriesResponseCategoriesItem]
    ledger_attachment_filename: None | str
    ledger_attachment_id: int | None
    attachment: LedgerEntriesResponseAttachmentType0 | None
    ledger_entry_lines: list[LedgerEntriesResponseLedgerEntryLinesItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.ledger_entries_response_attachment_type_0 import LedgerEntriesResponseAttachmentType0 # noqa: PLC0415
        from ..models.ledger_entries_response_categories_item import LedgerEntriesResponseCategoriesItem # noqa: PLC0415
        from ..models.ledger_entries_response_journal import LedgerEntriesResponseJournal # noqa: PLC0415
        from ..models.ledger_entries_response_ledger_entry_lines_item import LedgerEntriesResponseLedgerEntryLinesItem # noqa: PLC0415
        id = self.id

        label = self.label

        piece_number: None | str
        piece_number = self.piece_number

        date = self.date.isoformat()

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        invoice_number: None | str
        invoice_number = self.invoice_number

        journal_id = self.journal_id

        journal = self.journal.to_dict()

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)



        ledger_attachment_filename: None | str
        ledger_attachment_filename = self.ledger_attachment_filename

        ledger_attachment_id: int | None
        ledger_attachment_id = self.ledger_attachment_id

        attachment: dict[str, Any] | None
        if isinstance(self.attachment, LedgerEntriesResponseAttachmentType0):
            attachment = self.attachment.to_dict()
        else:
            attachment = self.attachment

        ledger_entry_lines = []
        for ledger_entry_lines_item_data in self.ledger_entry_lines:
            ledger_entry_lines_item = ledger_entry_lines_item_data.to_dict()
            ledger_entry_lines.append(ledger_entry_lines_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "piece_number": piece_number,
            "date": date,
            "due_date": due_date,
            "invoice_number": invoice_number,
            "journal_id": journal_id,
            "journal": journal,
            "categories": categories,
            "ledger_attachment_filename": ledger_attachment_filename,
            "ledger_attachment_id": ledger_attachment_id,
            "attachment": attachment,
            "ledger_entry_lines": ledger_entry_lines,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_entries_response_attachment_type_0 import LedgerEntriesResponseAttachmentType0 # noqa: PLC0415
        from ..models.ledger_entries_response_categories_item import LedgerEntriesResponseCategoriesItem # noqa: PLC0415
        from ..models.ledger_entries_response_journal import LedgerEntriesResponseJournal # noqa: PLC0415
        from ..models.ledger_entries_response_ledger_entry_lines_item import LedgerEntriesResponseLedgerEntryLinesItem # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        def _parse_piece_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        piece_number = _parse_piece_number(d.pop("piece_number"))


        date = datetime.date.fromisoformat(d.pop("date"))




        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)



                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))


        def _parse_invoice_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invoice_number = _parse_invoice_number(d.pop("invoice_number"))


        journal_id = d.pop("journal_id")

        journal = LedgerEntriesResponseJournal.from_dict(d.pop("journal"))




        categories = []
        _categories = d.pop("categories")
        for categories_item_data in (_categories):
            categories_item = LedgerEntriesResponseCategoriesItem.from_dict(categories_item_data)



            categories.append(categories_item)


        def _parse_ledger_attachment_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ledger_attachment_filename = _parse_ledger_attachment_filename(d.pop("ledger_attachment_filename"))


        def _parse_ledger_attachment_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ledger_attachment_id = _parse_ledger_attachment_id(d.pop("ledger_attachment_id"))


        def _parse_attachment(data: object) -> LedgerEntriesResponseAttachmentType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attachment_type_0 = LedgerEntriesResponseAttachmentType0.from_dict(data)



                return attachment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LedgerEntriesResponseAttachmentType0 | None, data)

        attachment = _parse_attachment(d.pop("attachment"))


        ledger_entry_lines = []
        _ledger_entry_lines = d.pop("ledger_entry_lines")
        for ledger_entry_lines_item_data in (_ledger_entry_lines):
            ledger_entry_lines_item = LedgerEntriesResponseLedgerEntryLinesItem.from_dict(ledger_entry_lines_item_data)



            ledger_entry_lines.append(ledger_entry_lines_item)


        ledger_entries_response = cls(
            id=id,
            label=label,
            piece_number=piece_number,
            date=date,
            due_date=due_date,
            invoice_number=invoice_number,
            journal_id=journal_id,
            journal=journal,
            categories=categories,
            ledger_attachment_filename=ledger_attachment_filename,
            ledger_attachment_id=ledger_attachment_id,
            attachment=attachment,
            ledger_entry_lines=ledger_entry_lines,
        )

        return ledger_entries_response

