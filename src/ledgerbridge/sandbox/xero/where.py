"""The ``where`` / ``order`` query language: a small parser and evaluator for Xero's LINQ-like filters.

Supported: ``==  !=  <>  <  <=  >  >=``, ``AND``/``&&``, ``OR``/``||``, ``NOT``/``!``, parentheses, dotted
paths (``Contact.ContactID``), literals (``"str"``, numbers, ``true``/``false``/``null``), ``guid("…")``,
``DateTime(2020,01,01[,h,m,s])``, ``DateTime.Parse("…")`` and string methods ``.Contains/.StartsWith/
.EndsWith/.ToLower/.ToUpper`` plus ``.HasValue``. Values stored as ``/Date(..)/`` compare as datetimes.
Errors raise :class:`WhereError`, which the app reports as Xero's ``QueryParseException``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .dates import parse_datetime, parse_wire_ms

Row = dict[str, Any]
Expr = Callable[[Row], Any]

_TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d+)?) |
    (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*') |
    (?P<op>==|!=|<>|>=|<=|&&|\|\||[<>!(),.=-]) |
    (?P<name>[A-Za-z_][A-Za-z0-9_]*)
)""", re.VERBOSE)


class WhereError(ValueError):
    pass


class Guid(str):
    """A guid literal; compares case-insensitively with stored ids."""


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise WhereError(f"Syntax error at position {pos} in '{text}'")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


def _lookup(row: Any, path: list[str]) -> Any:
    value = row
    for part in path:
        if not isinstance(value, dict):
            return None
        if part in value:
            value = value[part]
            continue
        lowered = part.lower()
        value = next((v for k, v in value.items() if k.lower() == lowered), None)
    if isinstance(value, str) and value.startswith("/Date("):
        return parse_wire_ms(value) or value
    return value


def _coerce(a: Any, b: Any) -> tuple[Any, Any]:
    """Bring two operands to a comparable type, the way Xero's typed fields would."""
    if isinstance(a, bool) or isinstance(b, bool):
        norm = lambda v: v if isinstance(v, bool) else str(v).lower() == "true"  # noqa: E731
        return norm(a), norm(b)
    if isinstance(a, datetime) or isinstance(b, datetime):
        conv = lambda v: v if isinstance(v, datetime) else parse_datetime(v).replace(tzinfo=None)  # noqa: E731
        return conv(a), conv(b)
    if isinstance(a, (int, Decimal)) or isinstance(b, (int, Decimal)):
        return Decimal(str(a)), Decimal(str(b))
    if isinstance(a, str) and isinstance(b, str):  # Xero's string comparisons ignore case (SQL collation)
        return a.lower(), b.lower()
    return a, b


def _compare(op: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        if op in ("==",):
            return a is None and b is None
        if op in ("!=", "<>"):
            return not (a is None and b is None)
        return False
    try:
        a, b = _coerce(a, b)
    except (ValueError, InvalidOperation, TypeError):
        return op in ("!=", "<>")
    try:
        return {"==": a == b, "!=": a != b, "<>": a != b}[op] if op in ("==", "!=", "<>") else \
            {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    except TypeError:
        return False


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0

    def peek(self, offset: int = 0) -> tuple[str, str] | None:
        j = self.i + offset
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise WhereError(f"Unexpected end of expression in '{self.text}'")
        self.i += 1
        return tok

    def accept(self, *values: str) -> str | None:
        tok = self.peek()
        if tok and tok[0] in ("op", "name") and tok[1].upper() in values:
            self.i += 1
            return tok[1].upper()
        return None

    def expect(self, value: str) -> None:
        if not self.accept(value):
            raise WhereError(f"'{value}' expected in '{self.text}'")

    def parse(self) -> Expr:
        expr = self.or_expr()
        if self.peek() is not None:
            raise WhereError(f"Syntax error near '{self.peek()[1]}' in '{self.text}'")  # type: ignore[index]
        return expr

    def or_expr(self) -> Expr:
        parts = [self.and_expr()]
        while self.accept("OR", "||"):
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else (lambda r: any(bool(p(r)) for p in parts))

    def and_expr(self) -> Expr:
        parts = [self.unary()]
        while self.accept("AND", "&&"):
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else (lambda r: all(bool(p(r)) for p in parts))

    def unary(self) -> Expr:
        if self.accept("NOT", "!"):
            inner = self.unary()
            return lambda r: not inner(r)
        return self.comparison()

    def comparison(self) -> Expr:
        left = self.value()
        tok = self.peek()
        if tok and tok[0] == "op" and tok[1] in ("==", "!=", "<>", "<", "<=", ">", ">=", "="):
            self.i += 1
            op = "==" if tok[1] == "=" else tok[1]
            right = self.value()
            return lambda r: _compare(op, left(r), right(r))
        return left

    def value(self) -> Expr:
        kind, text = self.take()
        if kind == "op" and text == "(":
            inner = self.or_expr()
            self.expect(")")
            return self.methods(inner)
        if kind == "op" and text == "-":
            k2, t2 = self.take()
            if k2 != "num":
                raise WhereError(f"Number expected after '-' in '{self.text}'")
            neg = -Decimal(t2)
            return lambda r: neg
        if kind == "num":
            num = Decimal(text)
            return lambda r: num
        if kind == "str":
            s = bytes(text[1:-1], "utf-8").decode("unicode_escape")
            return self.methods(lambda r: s)
        if kind != "name":
            raise WhereError(f"Unexpected '{text}' in '{self.text}'")
        upper = text.upper()
        if upper in ("TRUE", "FALSE"):
            b = upper == "TRUE"
            return lambda r: b
        if upper == "NULL":
            return lambda r: None
        if upper == "GUID" and self.accept("("):
            _, raw = self.take()
            self.expect(")")
            g = Guid(raw.strip("\"'").lower())
            return lambda r: g
        if upper == "DATETIME":
            return self.datetime_literal()
        path = [text]
        while self.peek() == ("op", "."):
            nxt = self.peek(1)
            if not nxt or nxt[0] != "name":
                raise WhereError(f"Name expected after '.' in '{self.text}'")
            after = self.peek(2)
            if (after and after == ("op", "(")) or nxt[1] in ("HasValue", "Value"):
                break
            self.i += 2
            path.append(nxt[1])
        return self.methods(functools.partial(_lookup, path=path))

    def datetime_literal(self) -> Expr:
        if self.accept("."):
            name = self.take()[1]
            if name.upper() != "PARSE":
                raise WhereError(f"Unknown DateTime member '{name}'")
            self.expect("(")
            raw = self.take()[1].strip("\"'")
            self.expect(")")
            moment = parse_datetime(raw).replace(tzinfo=None)
            return lambda r: moment
        self.expect("(")
        parts: list[int] = []
        while True:
            kind, text = self.take()
            if kind != "num":
                raise WhereError(f"DateTime expects numbers in '{self.text}'")
            parts.append(int(text))
            if self.accept(")"):
                break
            self.expect(",")
        if len(parts) < 3:
            raise WhereError("DateTime needs at least year, month and day")
        try:
            moment = datetime(*parts[:6])  # type: ignore[arg-type]  # noqa: DTZ001 - where-clauses compare naive UTC
        except ValueError as exc:
            raise WhereError(str(exc)) from exc
        return lambda r: moment

    def methods(self, target: Expr) -> Expr:
        while self.peek() == ("op", "."):
            self.i += 1
            name = self.take()[1]
            low = name.lower()
            if low == "hasvalue":
                target = (lambda t: lambda r: t(r) is not None)(target)
                continue
            if low == "value":
                continue
            self.expect("(")
            args: list[Expr] = []
            if not self.accept(")"):
                args.append(self.or_expr())
                while self.accept(","):
                    args.append(self.or_expr())
                self.expect(")")
            target = self.method(low, target, args)
        return target

    def method(self, name: str, target: Expr, args: list[Expr]) -> Expr:
        def text(v: Any) -> str:
            return "" if v is None else str(v)
        if name in ("contains", "startswith", "endswith"):
            if len(args) != 1:
                raise WhereError(f"{name} takes one argument")
            arg = args[0]
            fn = {"contains": lambda a, b: b in a, "startswith": str.startswith, "endswith": str.endswith}[name]
            return lambda r: target(r) is not None and fn(text(target(r)).lower(), text(arg(r)).lower())
        if name == "tolower":
            return lambda r: None if target(r) is None else text(target(r)).lower()
        if name == "toupper":
            return lambda r: None if target(r) is None else text(target(r)).upper()
        if name == "equals" and len(args) == 1:
            return lambda r: _compare("==", target(r), args[0](r))
        raise WhereError(f"No applicable method '{name}' exists")


def compile_where(text: str) -> Expr:
    """Parse once, evaluate per row: ``compile_where('Status=="DRAFT"')(invoice) -> bool``."""
    if not text or not text.strip():
        return lambda r: True
    return _Parser(text).parse()


def parse_order(text: str) -> list[tuple[list[str], bool]]:
    """``"Date DESC, InvoiceNumber"`` → [(['Date'], True), (['InvoiceNumber'], False)]."""
    keys = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        words = part.split()
        if len(words) > 2 or (len(words) == 2 and words[1].upper() not in ("ASC", "DESC")):
            raise WhereError(f"Invalid order clause '{part}'")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", words[0]):
            raise WhereError(f"Invalid order field '{words[0]}'")
        keys.append((words[0].split("."), len(words) == 2 and words[1].upper() == "DESC"))
    return keys


def sort_rows(rows: list[Row], order: list[tuple[list[str], bool]]) -> list[Row]:
    """Stable multi-key sort; nulls first ascending (as SQL Server does), last descending."""
    for path, desc in reversed(order):
        def key(r: Row, p: list[str] = path) -> tuple[int, Any]:
            v = _lookup(r, p)
            if isinstance(v, str):
                v = v.lower()
            elif isinstance(v, bool):
                v = int(v)
            elif isinstance(v, (int, float)):
                v = Decimal(str(v))
            return (0, "") if v is None else (1, v)
        try:
            rows.sort(key=key, reverse=desc)
        except TypeError:
            rows.sort(key=lambda r: str(_lookup(r, path)), reverse=desc)
    return rows
