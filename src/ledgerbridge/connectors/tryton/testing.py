"""A real Tryton book for tests and the demo: build it once, copy it per test, serve it with one ``trytond``.

    book = ensure_book()                          # cached under ~/.cache/ledgerbridge/tryton/<versions>/
    with TrytonServer(tmp_dir, book) as server:   # one trytond process on a free 127.0.0.1 port
        db = server.new_database()                # a fresh copy of the book under a new name ("t_1")
        credentials = server.credentials(db)      # what TrytonConnector expects

The book (SQLite) holds a USD company on the Universal Chart of Accounts, fiscal years with invoice sequences,
a 10 % tax, a product category carrying accounts and taxes, products (a taxed service, an untaxed one), two
customers, two suppliers, a "Net 30 days" payment term and a cash payment method. Its ids are written to
``book.json`` beside the database, so tests never guess them.

Building takes ~20 s (``trytond-admin`` activating the modules dominates) and runs in a subprocess, so the caller's
process never loads trytond itself. Tryton is an optional dependency (the ``tryton`` extra); this module only
imports it inside the subprocess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODULES = ("account_invoice", "account_payment", "account_statement", "product", "account_product")
ADMIN_PASSWORD = "admin"
BOOK_DB = "books"
FIRST_FISCAL_YEAR = 2024  # Panora's published examples are dated 2024


def _versions() -> str:
    names = ["trytond", "proteus"] + [f"trytond_{m}" for m in ("account", "account_invoice", "account_payment",
                                                                "account_product", "account_statement", "party",
                                                                "product", "company", "currency")]
    parts = []
    for name in names:
        try:
            parts.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name}=-")
    return ";".join(parts)


def cache_key() -> str:
    """Versions, this recipe and the current year (the fiscal years run to next year) decide the cached book."""
    recipe = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    digest = hashlib.sha256(f"{_versions()}|{recipe}|{dt.date.today().year}".encode()).hexdigest()[:16]
    return digest


def default_cache_dir() -> Path:
    base = os.environ.get("LEDGERBRIDGE_TRYTON_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ledgerbridge", "tryton")
    return Path(base)


def write_config(directory: Path, *, port: int = 8000, host: str = "127.0.0.1") -> Path:
    (directory / "db").mkdir(parents=True, exist_ok=True)
    conf = directory / "trytond.conf"
    conf.write_text(
        "[database]\nuri = sqlite://\npath = {}\n\n[web]\nlisten = {}:{}\n\n"
        "[session]\ntimeout = 3600\n".format(directory / "db", host, port)
    )
    return conf


def _bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def ensure_book(cache_dir: Path | None = None) -> Path:
    """The path of a built book (``books.sqlite`` with ``book.json`` beside it), building it when missing."""
    cache = cache_dir or default_cache_dir()
    target = cache / cache_key()
    book = target / f"{BOOK_DB}.sqlite"
    if book.exists() and (target / "book.json").exists():
        return book
    work = target.with_name(target.name + f".tmp{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    build_book(work, _modules_database(cache))
    # Another process may have built it meanwhile: keep whichever landed first.
    try:
        (work / "out").rename(target)
    except OSError:
        pass
    shutil.rmtree(work, ignore_errors=True)
    return book


def _modules_database(cache: Path) -> Path:
    """A database with the modules activated and nothing else (trytond-admin: ~18 s), cached by versions."""
    key = hashlib.sha256(f"{_versions()}|{' '.join(MODULES)}".encode()).hexdigest()[:16]
    path = cache / f"modules-{key}.sqlite"
    if path.exists():
        return path
    work = cache / f"modules-{key}.tmp{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    conf = write_config(work)
    (work / "db" / f"{BOOK_DB}.sqlite").touch()
    password_file = work / "password"
    password_file.write_text(ADMIN_PASSWORD)
    env = {**os.environ, "TRYTONPASSFILE": str(password_file)}
    subprocess.run(
        [_bin("trytond-admin"), "-c", str(conf), "-d", BOOK_DB, "-u", *MODULES, "--activate-dependencies"],
        input=b"\n",  # the admin e-mail prompt: none (--email would check the domain by DNS)
        check=True, env=env, stdout=subprocess.DEVNULL,
    )
    _snapshot(work / "db" / f"{BOOK_DB}.sqlite", work / "modules.sqlite")
    (work / "modules.sqlite").replace(path)
    shutil.rmtree(work, ignore_errors=True)
    return path


def _snapshot(source_path: Path, dest_path: Path) -> None:
    # SQLite runs in WAL mode: a backup gives one self-contained file whatever the WAL holds.
    source = sqlite3.connect(source_path)
    dest = sqlite3.connect(dest_path)
    with dest:
        source.backup(dest)
    dest.execute("PRAGMA journal_mode=DELETE")
    dest.close()
    source.close()


def build_book(work: Path, modules_db: Path) -> None:
    """Set the books up with proteus on a copy of ``modules_db``; snapshot to ``work/out``."""
    conf = write_config(work)
    shutil.copy(modules_db, work / "db" / f"{BOOK_DB}.sqlite")
    manifest = work / "book.json"
    subprocess.run(
        [sys.executable, "-m", "ledgerbridge.connectors.tryton.testing", "setup", str(conf), BOOK_DB,
         str(manifest)],
        check=True,
    )
    out = work / "out"
    out.mkdir()
    _snapshot(work / "db" / f"{BOOK_DB}.sqlite", out / f"{BOOK_DB}.sqlite")
    shutil.copy(manifest, out / "book.json")


def _setup_books(conf: str, database: str, manifest: str) -> None:  # runs in the subprocess
    from decimal import Decimal

    from proteus import Model, Wizard, config

    cfg = config.set_trytond(database, config_file=conf)
    today = dt.date.today()

    Currency = Model.get("currency.currency")
    usd = Currency(name="U.S. Dollar", symbol="$", code="USD", rounding=Decimal("0.01"), digits=2)
    usd.rates.new(date=dt.date(2000, 1, 1), rate=Decimal(1))
    usd.save()

    Party = Model.get("party.party")
    company_party = Party(name="Ledgerbridge Test Co")
    company_party.save()
    wizard = Wizard("company.company.config")
    wizard.execute("company")
    wizard.form.party = company_party
    wizard.form.currency = usd
    wizard.execute("add")
    User = Model.get("res.user")
    cfg._context = User.get_preferences(True, {})
    Company = Model.get("company.company")
    company, = Company.find([])

    AccountTemplate = Model.get("account.account.template")
    ModelData = Model.get("ir.model.data")
    Account = Model.get("account.account")
    chart = Wizard("account.create_chart")
    chart.execute("account")
    chart.form.account_template = AccountTemplate(ModelData.get_id("account.account_template_root_en", {}))
    chart.form.company = company
    chart.execute("create_account")

    def account(code: str) -> Any:
        found, = Account.find([("code", "=", code), ("company", "=", company.id), ("closed", "!=", True)])
        return found

    receivable, payable = account("1.2.1"), account("2.1.1")
    revenue, expense, cash, tax_account = account("4.1.2"), account("5.1.3"), account("1.1.1"), account("6.3.6")
    chart.form.account_receivable = receivable
    chart.form.account_payable = payable
    chart.form.category_account_revenue = revenue
    chart.form.category_account_expense = expense
    chart.execute("create_properties")

    FiscalYear = Model.get("account.fiscalyear")
    Sequence = Model.get("ir.sequence.strict")
    SequenceType = Model.get("ir.sequence.type")
    move_type, = SequenceType.find([("name", "=", "Account Move")], limit=1)
    invoice_type, = SequenceType.find([("name", "=", "Invoice")], limit=1)
    for year in range(FIRST_FISCAL_YEAR, today.year + 2):
        move_sequence = Sequence(name=f"Moves {year}", sequence_type=move_type, company=company)
        move_sequence.save()
        numbers = {}
        for kind, prefix in (("out_invoice", "INV"), ("out_credit_note", "CN"), ("in_invoice", "BILL"),
                             ("in_credit_note", "BCN")):
            seq = Sequence(name=f"{prefix} {year}", sequence_type=invoice_type, company=company,
                           prefix=f"{prefix}/{year}/")
            seq.save()
            numbers[kind] = seq
        fy = FiscalYear(name=str(year), start_date=dt.date(year, 1, 1), end_date=dt.date(year, 12, 31),
                        company=company, move_sequence=move_sequence)
        row, = fy.invoice_sequences
        row.out_invoice_sequence = numbers["out_invoice"]
        row.out_credit_note_sequence = numbers["out_credit_note"]
        row.in_invoice_sequence = numbers["in_invoice"]
        row.in_credit_note_sequence = numbers["in_credit_note"]
        fy.save()
        fy.click("create_period")

    Tax = Model.get("account.tax")
    tax = Tax(name="Sales tax 10%", description="Sales tax 10%", type="percentage", rate=Decimal("0.10"),
              invoice_account=tax_account, credit_note_account=tax_account)
    tax.save()

    Term = Model.get("account.invoice.payment_term")
    net30 = Term(name="Net 30 days")
    line = net30.lines.new(type="remainder")
    line.relativedeltas.new(days=30)
    net30.save()

    Category = Model.get("product.category")
    category = Category(name="Services", accounting=True, account_revenue=revenue, account_expense=expense)
    category.customer_taxes.append(Tax(tax.id))
    category.supplier_taxes.append(Tax(tax.id))
    category.save()
    untaxed_category = Category(name="Untaxed services", accounting=True, account_revenue=revenue,
                                account_expense=expense)
    untaxed_category.save()

    Uom = Model.get("product.uom")
    unit, = Uom.find([("name", "=", "Unit")])
    Template = Model.get("product.template")
    products = {}
    for key, name, price, cat in (("consulting", "Consulting hour", "100", category),
                                  ("shipping", "Shipping", "25", untaxed_category),
                                  ("support", "Support plan", "49.90", category)):
        template = Template(name=name, type="service", default_uom=unit, list_price=Decimal(price),
                            account_category=cat)
        template.save()
        products[key] = template.products[0].id

    parties = {}
    for key, name, email in (("customer", "Acme Corp", "billing@acme.example"),
                             ("customer2", "Globex Ltd", "ap@globex.example"),
                             ("supplier", "Initech Supplies", "sales@initech.example"),
                             ("supplier2", "Umbrella Services", None)):
        party = Party(name=name)
        if email:
            party.contact_mechanisms.new(type="email", value=email)
        if key.startswith("customer"):
            party.customer_payment_term = net30
        # Own receivable/payable accounts mark a party as a customer or a supplier (see mapping/contact.py); the
        # second customer and supplier have none, so they become one only by being invoiced.
        if key == "customer":
            party.account_receivable = receivable
        elif key == "supplier":
            party.account_payable = payable
        party.save()
        parties[key] = party.id

    Journal = Model.get("account.journal")
    cash_journal, = Journal.find([("type", "=", "cash")], limit=1)
    Method = Model.get("account.invoice.payment.method")
    method = Method(name="Cash", journal=cash_journal, credit_account=cash, debit_account=cash, company=company)
    method.save()

    Path(manifest).write_text(json.dumps({
        "database": database,
        "company": company.id,
        "currency": usd.id,
        "tax": tax.id,
        "payment_term": net30.id,
        "payment_method": method.id,
        "products": products,
        "parties": parties,
        "accounts": {"receivable": receivable.id, "payable": payable.id, "revenue": revenue.id,
                     "expense": expense.id, "cash": cash.id, "tax": tax_account.id},
        "admin_password": ADMIN_PASSWORD,
    }, indent=2))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class TrytonServer:
    """One ``trytond`` process serving copies of a book, each under a new database name."""

    directory: Path
    book: Path
    # With a queue worker configured, Tryton defers work to ir_queue for a worker process we do not run: the
    # report rendering on post (faster), but also marking an invoice paid once reconciled. So off by default.
    queue_worker: bool = False
    # Any loopback address (all of 127.0.0.0/8 is loopback): the tests serve Tryton at one of its own, which they
    # allow past the egress policy, so 127.0.0.1 itself stays refused like any internal address.
    host: str = "127.0.0.1"

    def __post_init__(self) -> None:
        self.port = free_port(self.host)
        self.conf = write_config(self.directory, port=self.port, host=self.host)
        self.manifest: dict[str, Any] = json.loads((self.book.parent / "book.json").read_text())
        self._count = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        shutil.copy(self.book, self.directory / "db" / f"{BOOK_DB}.sqlite")
        env = {**os.environ}
        if self.queue_worker:
            env["TRYTOND_QUEUE__WORKER"] = "True"
        self.log = open(self.directory / "trytond.log", "wb")  # noqa: SIM115 - closed in stop()
        # -d loads the pool at start; logging in to a database whose pool is not loaded fails in 8.x.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ledgerbridge.connectors.tryton.testing", "serve", "-c", str(self.conf),
             "-d", BOOK_DB],
            stdout=self.log, stderr=subprocess.STDOUT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/rpc/", data=b'{"id":0,"method":"common.server.version",'
                                       b'"params":[]}', timeout=2).read()
                return
            except urllib.error.HTTPError:
                return  # it answers
            except (urllib.error.URLError, ConnectionError, OSError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("trytond did not start; see " + str(self.directory / "trytond.log"))
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
            self.log.close()

    def __enter__(self) -> TrytonServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def new_database(self) -> str:
        """A fresh copy of the book under a new name, its pool loaded in the live server."""
        self._count += 1
        name = f"t_{self._count}"
        shutil.copy(self.book, self.directory / "db" / f"{name}.sqlite")
        # Any request to the database loads its pool; without it the first login fails (8.x).
        try:
            urllib.request.urlopen(f"{self.url}/{name}/rest/model/res.user", timeout=30).read()
        except urllib.error.HTTPError:
            pass
        return name

    def credentials(self, database: str) -> dict[str, Any]:
        return {"url": self.url, "database": database, "username": "admin", "password": ADMIN_PASSWORD,
                "payment_method": self.manifest["payment_method"]}


def _skip_email_dns() -> None:
    """Tryton checks an e-mail's domain by DNS; test machines may have none (every domain "does not exist")."""
    import trytond.tools.email_ as email_

    checked = email_.validate_email

    def validate_email(email: str, check_deliverability: bool = True) -> Any:
        return checked(email, check_deliverability=False)

    email_.validate_email = validate_email  # before the pool imports the party module, which binds the name


if __name__ == "__main__":
    _skip_email_dns()
    if sys.argv[1] == "serve":  # trytond itself, minus the DNS check, seeing databases added while it runs
        from trytond.backend.sqlite.database import Database
        from trytond.cli import main

        listed = Database.list

        def fresh_list(self: Any, hostname: Any = None) -> Any:
            # trytond caches the database list for the session timeout and answers 404 for any database added
            # since; a test's fresh copy must be found. Only consulted for a database whose pool is not loaded.
            type(self)._list_cache.clear()
            return listed(self, hostname)

        Database.list = fresh_list  # type: ignore[method-assign]

        sys.argv = ["trytond", *sys.argv[2:]]
        sys.exit(main())
    _setup_books(*sys.argv[2:5])
