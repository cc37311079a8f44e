from enum import StrEnum

class PurchaseRequestLineUnit(StrEnum):
    DAY = "day"
    HOUR = "hour"
    KILOGRAM = "kilogram"
    M2 = "m2"
    M3 = "m3"
    MG = "mg"
    MONTH = "month"
    NO_UNIT = "no_unit"
    PIECE = "piece"
    TON = "ton"

    def __str__(self) -> str:
        return str(self.value)
