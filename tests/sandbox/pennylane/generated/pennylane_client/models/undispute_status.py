from enum import StrEnum

class UndisputeStatus(StrEnum):
    APPROVED = "approved"

    def __str__(self) -> str:
        return str(self.value)
