from enum import StrEnum

class UnbalancedLetteringStrategy(StrEnum):
    NONE = "none"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
