from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LedgerEntriesResponseAttachmentType0")



@_attrs_define
class LedgerEntriesResponseAttachmentType0:
    """ The file attached to the ledger entry.

        Attributes:
            filename (str):  Example: filename.pdf.
            url (str): URL to the uploaded file. Example: http://www.pennylane.com/rails/active_storage/blobs/redirect/eyJfc
                ..==--26d6e7391dd728fae2cde59bd3fbe4dd11e20a95/filename.pdf.
     """

    filename: str
    url: str





    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "filename": filename,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        url = d.pop("url")

        ledger_entries_response_attachment_type_0 = cls(
            filename=filename,
            url=url,
        )

        return ledger_entries_response_attachment_type_0

