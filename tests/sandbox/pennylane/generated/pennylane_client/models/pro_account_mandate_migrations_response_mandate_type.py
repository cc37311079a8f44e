from enum import StrEnum

class ProAccountMandateMigrationsResponseMandateType(StrEnum):
    MANDATE = "Mandate"
    SEPAMANDATE = "SepaMandate"

    def __str__(self) -> str:
        return str(self.value)
