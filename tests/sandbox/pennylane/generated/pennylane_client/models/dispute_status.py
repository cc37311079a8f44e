from enum import StrEnum

class DisputeStatus(StrEnum):
    DISPUTED = "disputed"

    def __str__(self) -> str:
        return str(self.value)
