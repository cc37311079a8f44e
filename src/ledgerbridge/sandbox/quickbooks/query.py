"""The QBO query language: a small hand-written parser, compiled to SQL over ``json_extract``.

Grammar (keywords case-insensitive)::

    SELECT ( * | COUNT(*) | field {, field} ) FROM Entity
      [WHERE cond {AND cond}] [ORDER BY | ORDERBY field [ASC|DESC] {, ...}]
      [STARTPOSITION n] [MAXRESULTS m]
    cond := field (= | < | > | <= | >= | != | <>) literal | field IN (literal {, literal}) | field LIKE 'pat'

No OR, no joins, no expressions - the same restrictions QBO has. Compiling to SQL (instead of filtering
in Python) keeps paging through 100k invoices cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import errors
from .fields import KNOWN_FIELDS
from .wire import parse_instant

DEFAULT_MAX = 100
LIMIT_MAX = 1000

TOKEN = re.compile(r"""
    \s*(?:
      (?P<str>'(?:\\.|[^'\\])*')
    | (?P<num>-?\d+(?:\.\d+)?)(?![\w.])
    | (?P<op><=|>=|<>|!=|=|<|>)
    | (?P<punct>[(),*])
    | (?P<name>[A-Za-z_][\w.]*)
    )""", re.VERBOSE)

Literal = str | Decimal | bool


@dataclass
class Cond:
    field: str
    op: str  # '=', '<', ..., 'IN', 'LIKE'
    values: list[Literal]


@dataclass
class Query:
    entity: str
    count: bool = False
    fields: list[str] | None = None  # None = *
    where: list[Cond] = field(default_factory=list)
    order: list[tuple[str, bool]] = field(default_factory=list)  # (field, descending)
    start: int = 1
    max_results: int = DEFAULT_MAX


class _Tokens:
    def __init__(self, text: str) -> None:
        self.items: list[tuple[str, str]] = []
        pos = 0
        text = text.strip().rstrip(";")
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                if text[pos:].strip() == "":
                    break
                raise errors.query_parse(
                    f"Encountered unexpected character at column {pos + 1}: {text[pos:pos + 10]!r}")
            kind = m.lastgroup or ""
            self.items.append((kind, m.group(kind)))
            pos = m.end()
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.i] if self.i < len(self.items) else None

    def next(self, what: str) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise errors.query_parse(f"Encountered end of statement, was expecting {what}")
        self.i += 1
        return tok

    def keyword(self, *words: str) -> bool:
        tok = self.peek()
        if tok and tok[0] == "name" and tok[1].upper() in words:
            self.i += 1
            return True
        return False

    def expect_keyword(self, word: str) -> None:
        if not self.keyword(word):
            tok = self.peek()
            raise errors.query_parse(f"Encountered \"{tok[1] if tok else '<EOF>'}\", was expecting {word}")

    def expect_punct(self, p: str) -> None:
        kind, value = self.next(repr(p))
        if kind != "punct" or value != p:
            raise errors.query_parse(f"Encountered \"{value}\", was expecting \"{p}\"")


def _literal(kind: str, value: str) -> Literal:
    if kind == "str":
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    if kind == "num":
        return Decimal(value)
    if kind == "name" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise errors.query_parse(f"Encountered \"{value}\", was expecting a literal")


def _int(tokens: _Tokens, what: str) -> int:
    kind, value = tokens.next(what)
    if kind != "num" or "." in value:
        raise errors.query_parse(f"Encountered \"{value}\", was expecting an integer after {what}")
    return int(value)


def parse(text: str) -> Query:
    tokens = _Tokens(text)
    tokens.expect_keyword("SELECT")
    count = False
    fields: list[str] | None = None
    tok = tokens.next("a select list")
    if tok == ("punct", "*"):
        pass
    elif tok[0] == "name" and tok[1].upper() == "COUNT":
        tokens.expect_punct("(")
        tokens.expect_punct("*")
        tokens.expect_punct(")")
        count = True
    elif tok[0] == "name":
        fields = [tok[1]]
    else:
        raise errors.query_parse(f"Encountered \"{tok[1]}\" in select list")
    while tokens.peek() == ("punct", ","):
        tokens.i += 1
        kind, value = tokens.next("a field")
        if kind == "punct" and value == "*":
            continue
        if kind != "name":
            raise errors.query_parse(f"Encountered \"{value}\" in select list")
        fields = (fields or []) + [value]
    tokens.expect_keyword("FROM")
    kind, entity = tokens.next("an entity")
    if kind != "name":
        raise errors.query_parse(f"Encountered \"{entity}\", was expecting an entity name")
    query = Query(entity=entity, count=count, fields=fields)
    if tokens.keyword("WHERE"):
        while True:
            query.where.append(_condition(tokens))
            if not tokens.keyword("AND"):
                break
    ordered = tokens.keyword("ORDERBY")
    if not ordered and tokens.keyword("ORDER"):
        tokens.expect_keyword("BY")
        ordered = True
    if ordered:
        while True:
            kind, name = tokens.next("an order field")
            if kind != "name":
                raise errors.query_parse(f"Encountered \"{name}\", was expecting a field")
            desc = False
            if tokens.keyword("DESC"):
                desc = True
            else:
                tokens.keyword("ASC")
            query.order.append((name, desc))
            if tokens.peek() != ("punct", ","):
                break
            tokens.i += 1
    # QBO accepts the two paging clauses in either order
    for _ in range(2):
        if tokens.keyword("STARTPOSITION"):
            query.start = max(1, _int(tokens, "STARTPOSITION"))
        elif tokens.keyword("MAXRESULTS"):
            query.max_results = max(0, min(LIMIT_MAX, _int(tokens, "MAXRESULTS")))
    rest = tokens.peek()
    if rest is not None:
        raise errors.query_parse(f"Encountered \"{rest[1]}\" at end of statement")
    return query


def _condition(tokens: _Tokens) -> Cond:
    kind, name = tokens.next("a field")
    if kind != "name":
        raise errors.query_parse(f"Encountered \"{name}\", was expecting a field")
    if tokens.keyword("IN"):
        tokens.expect_punct("(")
        values: list[Literal] = []
        while True:
            values.append(_literal(*tokens.next("a literal")))
            kind2, value = tokens.next("',' or ')'")
            if (kind2, value) == ("punct", ")"):
                break
            if (kind2, value) != ("punct", ","):
                raise errors.query_parse(f"Encountered \"{value}\", was expecting \",\" or \")\"")
        return Cond(name, "IN", values)
    if tokens.keyword("LIKE"):
        kind2, value = tokens.next("a pattern")
        if kind2 != "str":
            raise errors.query_parse("LIKE needs a quoted pattern")
        return Cond(name, "LIKE", [_literal(kind2, value)])
    kind2, op = tokens.next("an operator")
    if kind2 != "op":
        raise errors.query_parse(f"Encountered \"{op}\", was expecting an operator")
    return Cond(name, "!=" if op == "<>" else op, [_literal(*tokens.next("a literal"))])


# ----------------------------------------------------------------------------------------------------
# Compilation to SQL

NAME_LISTS = {"Customer", "Vendor", "Item", "Account", "Class", "Department", "TaxCode", "TaxRate"}
TIME_COLUMNS = {"metadata.lastupdatedtime": "updated", "metadata.createtime": "created"}


@dataclass
class Compiled:
    entity: str
    where_sql: str
    params: list[Any]
    order_sql: str


def canonical_entity(name: str, entities: list[str]) -> str:
    for e in entities:
        if e.lower() == name.lower():
            return e
    raise errors.query_invalid(f"invalid context declaration: {name}")


def _canonical_field(entity: str, name: str) -> str:
    head, _, rest = name.partition(".")
    for known in KNOWN_FIELDS.get(entity, ()):
        if known.lower() == head.lower():
            return known + ("." + rest if rest else "")
    raise errors.query_invalid(f"property '{name}' is not queryable")


def _path(entity: str, name: str) -> str:
    canonical = _canonical_field(entity, name)
    if "." not in canonical and canonical.endswith("Ref"):
        canonical += ".value"  # `CustomerRef = '5'` compares the ref's value, as in QBO
    return "$." + ".".join(f'"{part}"' for part in canonical.split("."))


def _compare(expr: str, typ: str, op: str, value: Literal, params: list[Any]) -> str:
    if isinstance(value, bool):
        params.append(1 if value else 0)
        return f"{expr} {op} ?"
    if isinstance(value, Decimal):
        params.append(float(value))
        return f"{expr} {op} ?"
    try:
        number = float(Decimal(value))
    except Exception:
        params.append(value)
        return f"{expr} {op} ?"
    # A quoted number compares numerically with numeric JSON (TotalAmt > '100') and as text otherwise (DocNumber)
    params.extend([number, value])
    return f"(CASE WHEN {typ} IN ('integer','real') THEN {expr} {op} ? ELSE {expr} {op} ? END)"


def compile_query(query: Query) -> Compiled:
    entity = query.entity
    clauses: list[str] = []
    params: list[Any] = []
    has_active = False
    for cond in query.where:
        canonical = _canonical_field(entity, cond.field)
        low = canonical.lower()
        if low == "active":
            has_active = True
        values = cond.values
        if low in TIME_COLUMNS:
            col = TIME_COLUMNS[low]
            try:
                instants = [parse_instant(str(v)) for v in values]
            except ValueError as exc:
                raise errors.query_invalid(f"invalid date/time value for {canonical}: {exc}") from None
            if cond.op == "IN":
                clauses.append(f"{col} IN ({','.join('?' * len(instants))})")
            elif cond.op == "LIKE":
                raise errors.query_invalid(f"LIKE is not supported on {canonical}")
            else:
                clauses.append(f"{col} {cond.op} ?")
            params.extend(instants)
            continue
        if low == "id":
            expr, typ = "id", "'text'"
            values = [str(v) if not isinstance(v, Decimal) else str(int(v)) for v in values]
            if cond.op in ("<", ">", "<=", ">="):
                ids = [int(v) if str(v).isdigit() else 0 for v in values]
                clauses.append(f"num {cond.op} ?")
                params.extend(ids)
                continue
        else:
            path = _path(entity, canonical)
            expr, typ = f"json_extract(data, '{path}')", f"json_type(data, '{path}')"
        if cond.op == "IN":
            parts = [_compare(expr, typ, "=", v, params) for v in values]
            clauses.append("(" + " OR ".join(parts) + ")")
        elif cond.op == "LIKE":
            clauses.append(f"{expr} LIKE ?")
            params.append(str(values[0]))
        else:
            clauses.append(_compare(expr, typ, cond.op, values[0], params))
    if entity in NAME_LISTS and not has_active and entity not in ("TaxCode", "TaxRate"):
        # QBO hides inactive name-list objects unless the query mentions Active
        clauses.append("json_extract(data, '$.Active') = 1")
    order_parts: list[str] = []
    for name, desc in query.order:
        canonical = _canonical_field(entity, name)
        low = canonical.lower()
        if low == "id":
            expr = "num"
        elif low in TIME_COLUMNS:
            expr = TIME_COLUMNS[low]
        else:
            expr = f"json_extract(data, '{_path(entity, canonical)}')"
        order_parts.append(f"{expr} {'DESC' if desc else 'ASC'}")
    order_parts.append("num ASC, id ASC")  # stable paging: Id ascending as the tiebreaker/default
    where_sql = " AND ".join(clauses) if clauses else "1"
    return Compiled(entity, where_sql, params, ", ".join(order_parts))


def project(entity: str, doc: dict[str, Any], fields: list[str] | None) -> dict[str, Any]:
    """``SELECT Id, DocNumber FROM Invoice`` returns only those properties (marked sparse, like QBO)."""
    if not fields:
        return doc
    wanted = {_canonical_field(entity, f).split(".")[0] for f in fields}
    out = {k: v for k, v in doc.items() if k in wanted}
    out.setdefault("Id", doc.get("Id"))
    out["domain"] = "QBO"
    out["sparse"] = True
    return out
