"""Pure mappings between Sage records and unified ones."""
