from enum import StrEnum

class GetCustomerResponse400Type4Code(StrEnum):
    INVALIDDATEFORMAT = "InvalidDateFormat"
    INVALIDDATETIMEFORMAT = "InvalidDateTimeFormat"
    INVALIDEMAILFORMAT = "InvalidEmailFormat"
    INVALIDPATTERN = "InvalidPattern"
    INVALIDUUIDFORMAT = "InvalidUUIDFormat"
    LESSTHANEXCLUSIVEMINIMUM = "LessThanExclusiveMinimum"
    LESSTHANMINIMUM = "LessThanMinimum"
    LESSTHANMINITEMS = "LessThanMinItems"
    LESSTHANMINLENGTH = "LessThanMinLength"
    MORETHANEXCLUSIVEMAXIMUM = "MoreThanExclusiveMaximum"
    MORETHANMAXIMUM = "MoreThanMaximum"
    MORETHANMAXITEMS = "MoreThanMaxItems"
    MORETHANMAXLENGTH = "MoreThanMaxLength"
    NOTAMULTIPARTFILE = "NotAMultipartFile"
    NOTANYOF = "NotAnyOf"
    NOTENUMINCLUDE = "NotEnumInclude"
    NOTEXISTCONTENTTYPEDEFINITION = "NotExistContentTypeDefinition"
    NOTEXISTDISCRIMINATORMAPPEDSCHEMA = "NotExistDiscriminatorMappedSchema"
    NOTEXISTDISCRIMINATORPROPERTYNAME = "NotExistDiscriminatorPropertyName"
    NOTEXISTPROPERTYDEFINITION = "NotExistPropertyDefinition"
    NOTEXISTREQUIREDKEY = "NotExistRequiredKey"
    NOTEXISTSTATUSCODEDEFINITION = "NotExistStatusCodeDefinition"
    NOTNULLERROR = "NotNullError"
    NOTONEOF = "NotOneOf"
    VALIDATEERROR = "ValidateError"

    def __str__(self) -> str:
        return str(self.value)
