from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.categories_response_direction_type_0 import CategoriesResponseDirectionType0
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.categories_response_category_group import CategoriesResponseCategoryGroup





T = TypeVar("T", bound="CategoriesResponse")



@_attrs_define
class CategoriesResponse:
    """ 
        Attributes:
            id (int):  Example: 42.
            label (str):  Example: Alimentaire.
            direction (CategoriesResponseDirectionType0 | None):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            category_group (CategoriesResponseCategoryGroup):
            analytical_code (None | str):  Example: CODE123.
     """

    id: int
    label: str
    direction: CategoriesResponseDirectionType0 | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    category_group: CategoriesResponseCategoryGroup
    analytical_code: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.categories_response_category_group import CategoriesResponseCategoryGroup # noqa: PLC0415
        id = self.id

        label = self.label

        direction: None | str
        if isinstance(self.direction, CategoriesResponseDirectionType0):
            direction = self.direction.value
        else:
            direction = self.direction

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        category_group = self.category_group.to_dict()

        analytical_code: None | str
        analytical_code = self.analytical_code


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "label": label,
            "direction": direction,
            "created_at": created_at,
            "updated_at": updated_at,
            "category_group": category_group,
            "analytical_code": analytical_code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.categories_response_category_group import CategoriesResponseCategoryGroup # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        def _parse_direction(data: object) -> CategoriesResponseDirectionType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = CategoriesResponseDirectionType0(data)



                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CategoriesResponseDirectionType0 | None, data)

        direction = _parse_direction(d.pop("direction"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        category_group = CategoriesResponseCategoryGroup.from_dict(d.pop("category_group"))




        def _parse_analytical_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        analytical_code = _parse_analytical_code(d.pop("analytical_code"))


        categories_response = cls(
            id=id,
            label=label,
            direction=direction,
            created_at=created_at,
            updated_at=updated_at,
            category_group=category_group,
            analytical_code=analytical_code,
        )

        return categories_response

