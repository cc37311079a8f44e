from enum import StrEnum

class SepaMandatesResponseSequenceType(StrEnum):
    FNAL = "FNAL"
    FRST = "FRST"
    OOFF = "OOFF"
    RCUR = "RCUR"

    def __str__(self) -> str:
        return str(self.value)
