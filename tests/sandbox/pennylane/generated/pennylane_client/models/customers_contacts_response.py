from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CustomersContactsResponse")



@_attrs_define
class CustomersContactsResponse:
    """ 
        Attributes:
            id (int):  Example: 421.
            first_name (str):  Example: Jane.
            last_name (str):  Example: Doe.
            role (str):  Example: accountant.
            email (str):  Example: jane.doe@example.com.
            telephone_number (str):
            mobile_number (str):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    first_name: str
    last_name: str
    role: str
    email: str
    telephone_number: str
    mobile_number: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        first_name = self.first_name

        last_name = self.last_name

        role = self.role

        email = self.email

        telephone_number = self.telephone_number

        mobile_number = self.mobile_number

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "first_name": first_name,
            "last_name": last_name,
            "role": role,
            "email": email,
            "telephone_number": telephone_number,
            "mobile_number": mobile_number,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        role = d.pop("role")

        email = d.pop("email")

        telephone_number = d.pop("telephone_number")

        mobile_number = d.pop("mobile_number")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        customers_contacts_response = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            role=role,
            email=email,
            telephone_number=telephone_number,
            mobile_number=mobile_number,
            created_at=created_at,
            updated_at=updated_at,
        )

        return customers_contacts_response

