from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="IndividualCustomerContacts")



@_attrs_define
class IndividualCustomerContacts:
    """ 
        Attributes:
            url (str): URL to get the contacts of the customer. Example:
                https://app.pennylane.com/api/external/v2/customers/42/contacts.
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

        individual_customer_contacts = cls(
            url=url,
        )

        return individual_customer_contacts

