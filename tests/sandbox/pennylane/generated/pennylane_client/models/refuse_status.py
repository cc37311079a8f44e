from enum import StrEnum

class RefuseStatus(StrEnum):
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
