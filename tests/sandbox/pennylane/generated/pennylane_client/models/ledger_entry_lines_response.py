from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ledger_entry_lines_response_categories_item import LedgerEntryLinesResponseCategoriesItem
  from ..models.ledger_entry_lines_response_journal import LedgerEntryLinesResponseJournal
  from ..models.ledger_entry_lines_response_ledger_account import LedgerEntryLinesResponseLedgerAccount
  from ..models.ledger_entry_lines_response_ledger_entry import LedgerEntryLinesResponseLedgerEntry
  from ..models.ledger_entry_lines_response_lettered_ledger_entry_lines import LedgerEntryLinesResponseLetteredLedgerEntryLines





T = TypeVar("T", bound="LedgerEntryLinesResponse")



@_attrs_define
class LedgerEntryLinesResponse:
    """ 
        Attributes:
            id (int): ID of the entry line Example: 42.
            debit (str): Debit amount for the entry line Example: 100.00.
            credit (str): Credit amount for the entry line Example: 0.00.
            label (str): Label that describes the entry line Example: Employees - Jean Dupont / Salary May 2023.
            categories (list[LedgerEntryLinesResponseCategoriesItem]):
            ledger_account (LedgerEntryLinesResponseLedgerAccount):
            journal (LedgerEntryLinesResponseJournal):
            date (datetime.date): Date of the ledger entry line (ISO 8601) Example: 2023-08-30.
            ledger_entry (LedgerEntryLinesResponseLedgerEntry):
            lettered_ledger_entry_lines (LedgerEntryLinesResponseLetteredLedgerEntryLines): Ledger entry lines that are
                lettered with this entry line.
            created_at (datetime.datetime): The time the entry line has been created Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the entry line has been updated Example:
                2023-08-30T10:08:08.146343Z.
     """

    id: int
    debit: str
    credit: str
    label: str
    categories: list[LedgerEntryLinesResponseCategoriesItem]
    ledger_account: LedgerEntryLinesResponseLedgerAccount
    journal: LedgerEntryLinesResponseJournal
    date: datetime.date
    ledger_entry: LedgerEntryLinesResponseLedgerEntry
    lettered_ledger_entry_lines: LedgerEntryLinesResponseLetteredLedgerEntryLines
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.ledger_entry_lines_response_categories_item import LedgerEntryLinesResponseCategoriesItem # noqa: PLC0415
        from ..models.ledger_entry_lines_response_journal import LedgerEntryLinesResponseJournal # noqa: PLC0415
        from ..models.ledger_entry_lines_response_ledger_account import LedgerEntryLinesResponseLedgerAccount # noqa: PLC0415
        from ..models.ledger_entry_lines_response_ledger_entry import LedgerEntryLinesResponseLedgerEntry # noqa: PLC0415
        from ..models.ledger_entry_lines_response_lettered_ledger_entry_lines import LedgerEntryLinesResponseLetteredLedgerEntryLines # noqa: PLC0415
        id = self.id

        debit = self.debit

        credit = self.credit

        label = self.label

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)



        ledger_account = self.ledger_account.to_dict()

        journal = self.journal.to_dict()

        date = self.date.isoformat()

        ledger_entry = self.ledger_entry.to_dict()

        lettered_ledger_entry_lines = self.lettered_ledger_entry_lines.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "debit": debit,
            "credit": credit,
            "label": label,
            "categories": categories,
            "ledger_account": ledger_account,
            "journal": journal,
            "date": date,
            "ledger_entry": ledger_entry,
            "lettered_ledger_entry_lines": lettered_ledger_entry_lines,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_entry_lines_response_categories_item import LedgerEntryLinesResponseCategoriesItem # noqa: PLC0415
        from ..models.ledger_entry_lines_response_journal import LedgerEntryLinesResponseJournal # noqa: PLC0415
        from ..models.ledger_entry_lines_response_ledger_account import LedgerEntryLinesResponseLedgerAccount # noqa: PLC0415
        from ..models.ledger_entry_lines_response_ledger_entry import LedgerEntryLinesResponseLedgerEntry # noqa: PLC0415
        from ..models.ledger_entry_lines_response_lettered_ledger_entry_lines import LedgerEntryLinesResponseLetteredLedgerEntryLines # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        debit = d.pop("debit")

        credit = d.pop("credit")

        label = d.pop("label")

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in (_categories):
            categories_item = LedgerEntryLinesResponseCategoriesItem.from_dict(categories_item_data)



            categories.append(categories_item)


        ledger_account = LedgerEntryLinesResponseLedgerAccount.from_dict(d.pop("ledger_account"))




        journal = LedgerEntryLinesResponseJournal.from_dict(d.pop("journal"))




        date = datetime.date.fromisoformat(d.pop("date"))




        ledger_entry = LedgerEntryLinesResponseLedgerEntry.from_dict(d.pop("ledger_entry"))




        lettered_ledger_entry_lines = LedgerEntryLinesResponseLetteredLedgerEntryLines.from_dict(d.pop("lettered_ledger_entry_lines"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        ledger_entry_lines_response = cls(
            id=id,
            debit=debit,
            credit=credit,
            label=label,
            categories=categories,
            ledger_account=ledger_account,
            journal=journal,
            date=date,
            ledger_entry=ledger_entry,
            lettered_ledger_entry_lines=lettered_ledger_entry_lines,
            created_at=created_at,
            updated_at=updated_at,
        )

        return ledger_entry_lines_response

