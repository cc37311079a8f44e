from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.ledger_entries_response_ledger_entry_lines_item_ledger_account import LedgerEntriesResponseLedgerEntryLinesItemLedgerAccount





T = TypeVar("T", bound="LedgerEntriesResponseLedgerEntryLinesItem")



@_attrs_define
class LedgerEntriesResponseLedgerEntryLinesItem:
    """ 
        Attributes:
            id (int): ID of the entry line Example: 42.
            debit (str): Debit amount for the entry line Example: 100.00.
            credit (str): Credit amount for the entry line Example: 0.00.
            ledger_account_id (int): This attribute is deprecated. Please use `id` from `ledger_account` instead. Example:
                987.
            ledger_account (LedgerEntriesResponseLedgerEntryLinesItemLedgerAccount):
            label (str): Label that describes the entry line Example: Transaction label.
     """

    id: int
    debit: str
    credit: str
    ledger_account_id: int
    ledger_account: LedgerEntriesResponseLedgerEntryLinesItemLedgerAccount
    label: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.ledger_entries_response_ledger_entry_lines_item_ledger_account import LedgerEntriesResponseLedgerEntryLinesItemLedgerAccount # noqa: PLC0415
        id = self.id

        debit = self.debit

        credit = self.credit

        ledger_account_id = self.ledger_account_id

        ledger_account = self.ledger_account.to_dict()

        label = self.label


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "debit": debit,
            "credit": credit,
            "ledger_account_id": ledger_account_id,
            "ledger_account": ledger_account,
            "label": label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_entries_response_ledger_entry_lines_item_ledger_account import LedgerEntriesResponseLedgerEntryLinesItemLedgerAccount # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        debit = d.pop("debit")

        credit = d.pop("credit")

        ledger_account_id = d.pop("ledger_account_id")

        ledger_account = LedgerEntriesResponseLedgerEntryLinesItemLedgerAccount.from_dict(d.pop("ledger_account"))




        label = d.pop("label")

        ledger_entries_response_ledger_entry_lines_item = cls(
            id=id,
            debit=debit,
            credit=credit,
            ledger_account_id=ledger_account_id,
            ledger_account=ledger_account,
            label=label,
        )

        return ledger_entries_response_ledger_entry_lines_item

