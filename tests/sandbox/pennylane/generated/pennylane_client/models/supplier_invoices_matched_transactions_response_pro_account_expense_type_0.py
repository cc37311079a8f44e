from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.supplier_invoices_matched_transactions_response_pro_account_expense_type_0_employee_type_0 import SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0





T = TypeVar("T", bound="SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0")



@_attrs_define
class SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0:
    """ 
        Attributes:
            employee (None | SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0):
            card_masked_number (str):  Example: 123456XXXXXX7890.
     """

    employee: None | SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0
    card_masked_number: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.supplier_invoices_matched_transactions_response_pro_account_expense_type_0_employee_type_0 import SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0 # noqa: PLC0415
        employee: dict[str, Any] | None
        if isinstance(self.employee, SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0):
            employee = self.employee.to_dict()
        else:
            employee = self.employee

        card_masked_number = self.card_masked_number


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "employee": employee,
            "card_masked_number": card_masked_number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supplier_invoices_matched_transactions_response_pro_account_expense_type_0_employee_type_0 import SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_employee(data: object) -> None | SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                employee_type_0 = SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0.from_dict(data)



                return employee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierInvoicesMatchedTransactionsResponseProAccountExpenseType0EmployeeType0, data)

        employee = _parse_employee(d.pop("employee"))


        card_masked_number = d.pop("card_masked_number")

        supplier_invoices_matched_transactions_response_pro_account_expense_type_0 = cls(
            employee=employee,
            card_masked_number=card_masked_number,
        )

        return supplier_invoices_matched_transactions_response_pro_account_expense_type_0

