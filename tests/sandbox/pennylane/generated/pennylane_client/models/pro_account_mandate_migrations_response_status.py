from enum import StrEnum

class ProAccountMandateMigrationsResponseStatus(StrEnum):
    AVAILABLE = "available"
    COMPLETED = "completed"

    def __str__(self) -> str:
        return str(self.value)
