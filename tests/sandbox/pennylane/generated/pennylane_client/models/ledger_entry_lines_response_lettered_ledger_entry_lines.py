from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="LedgerEntryLinesResponseLetteredLedgerEntryLines")



@_attrs_define
class LedgerEntryLinesResponseLetteredLedgerEntryLines:
    """ Ledger entry lines that are lettered with this entry line.

        Attributes:
            ids (list[int]): IDs of all ledger entry lines that share the same lettering, including the ID of this entry
                line itself. Will be empty if this entry line is not lettered. Example: [42, 1271004].
            url (str): URL to fetch the lettered ledger entry lines. Example:
                https://app.pennylane.com/api/external/v2/ledger_entry_lines/42/lettered_ledger_entry_lines.
     """

    ids: list[int]
    url: str





    def to_dict(self) -> dict[str, Any]:
        ids = self.ids



        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ids": ids,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ids = cast(list[int], d.pop("ids"))


        url = d.pop("url")

        ledger_entry_lines_response_lettered_ledger_entry_lines = cls(
            ids=ids,
            url=url,
        )

        return ledger_entry_lines_response_lettered_ledger_entry_lines

