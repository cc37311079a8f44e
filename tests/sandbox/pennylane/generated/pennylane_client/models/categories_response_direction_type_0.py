from enum import StrEnum

class CategoriesResponseDirectionType0(StrEnum):
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"

    def __str__(self) -> str:
        return str(self.value)
