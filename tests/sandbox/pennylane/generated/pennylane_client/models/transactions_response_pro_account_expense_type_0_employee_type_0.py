from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TransactionsResponseProAccountExpenseType0EmployeeType0")



@_attrs_define
class TransactionsResponseProAccountExpenseType0EmployeeType0:
    """ 
        Attributes:
            id (int):  Example: 42.
            first_name (str):  Example: John.
            last_name (str):  Example: Doe.
     """

    id: int
    first_name: str
    last_name: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        first_name = self.first_name

        last_name = self.last_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "first_name": first_name,
            "last_name": last_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        transactions_response_pro_account_expense_type_0_employee_type_0 = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
        )

        return transactions_response_pro_account_expense_type_0_employee_type_0

