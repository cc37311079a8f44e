from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="QuotesResponseLinkedInvoices")



@_attrs_define
class QuotesResponseLinkedInvoices:
    """ 
        Attributes:
            url (str): URL to get the invoices linked to the quote. Example: https://app.pennylane.com/api/external/v2/custo
                mer_invoices?filter=%5B%7B%22field%22%3A%22quote_id%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A1927271459%7D
                %5D.
     """

    url: str





    def to_dict(self) -> dict[str, Any]:
        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        quotes_response_linked_invoices = cls(
            url=url,
        )

        return quotes_response_linked_invoices

