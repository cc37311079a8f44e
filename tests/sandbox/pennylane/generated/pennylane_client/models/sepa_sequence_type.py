from enum import StrEnum

class SepaSequenceType(StrEnum):
    FNAL = "FNAL"
    FRST = "FRST"
    OOFF = "OOFF"
    RCUR = "RCUR"

    def __str__(self) -> str:
        return str(self.value)
