from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ledger_entries_response_categories_item_category_group import LedgerEntriesResponseCategoriesItemCategoryGroup





T = TypeVar("T", bound="LedgerEntriesResponseCategoriesItem")



@_attrs_define
class LedgerEntriesResponseCategoriesItem:
    """ 
        Attributes:
            id (int):  Example: 421.
            label (str):  Example: HR - Salaries.
            weight (str):  Example: 0.25.
            category_group (LedgerEntriesResponseCategoriesItemCategoryGroup):
            analytical_code (None | str):  Example: CODE123.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    label: str
    weight: str
    category_group: LedgerEntriesResponseCategoriesItemCategoryGroup
    analytical_code: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.ledger_entries_response_categories_item_category_group import LedgerEntriesResponseCategoriesItemCategoryGroup # noqa: PLC0415
        id = self.id

        label = self.label

        weight = self.weight

        category_group = self.category_group.to_dict()

        analytical_code: None | str
        analytical_code = self.analytical_code

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "weight": weight,
            "category_group": category_group,
            "analytical_code": analytical_code,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_entries_response_categories_item_category_group import LedgerEntriesResponseCategoriesItemCategoryGroup # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        weight = d.pop("weight")

        category_group = LedgerEntriesResponseCategoriesItemCategoryGroup.from_dict(d.pop("category_group"))




        def _parse_analytical_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        analytical_code = _parse_analytical_code(d.pop("analytical_code"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        ledger_entries_response_categories_item = cls(
            id=id,
            label=label,
            weight=weight,
            category_group=category_group,
            analytical_code=analytical_code,
            created_at=created_at,
            updated_at=updated_at,
        )

        return ledger_entries_response_categories_item

