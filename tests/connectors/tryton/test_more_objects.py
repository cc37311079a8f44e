"""Company info, addresses, phone numbers and journal entries read from a live Tryton, checked against what
Tryton itself holds (read over raw RPC)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ledgerbridge.unified.journal_entry import PostingType


async def everything(connector, object_name, since=None):
    return [record async for page in connector.pages(object_name, since) for record in page]


async def test_company_info_is_the_company_and_its_party(book):
    record, = await everything(book.connector, "company_info")
    company, = await book.rpc.read("company.company", [book.ids["company"]], ["party", "currency.code"])
    party, = await book.rpc.read("party.party", [company["party"]], ["name"])
    today = dt.datetime.now(dt.UTC).date()
    year, = await book.rpc.search_read(
        "account.fiscalyear", [("start_date", "<=", today), ("end_date", ">=", today)], ["end_date"])
    info = record.data
    assert record.remote_key == f"company.company/{book.ids['company']}"
    assert (info.name, info.currency) == (party["name"], company["currency."]["code"]) == ("Ledgerbridge Test Co",
                                                                                           "USD")
    assert (info.fiscal_year_end_month, info.fiscal_year_end_day) == (year["end_date"].month, year["end_date"].day)
    assert info.remote_created_at is not None
    assert (await book.connector.fetch("company_info", record.remote_key)).data == info


async def test_addresses_carry_street_city_zip_country_and_party(book):
    country_id, = await book.rpc.model("country.country", "create", [{"name": "United States", "code": "US"}],
                                       write=True)
    state_id, = await book.rpc.model("country.subdivision", "create", [{
        "name": "California", "code": "US-CA", "type": "state", "country": country_id}], write=True)
    acme_id, acme = book.party("customer")
    party, = await book.rpc.read("party.party", [int(acme.remote_id)], ["addresses"])
    address_id = party["addresses"][0]
    await book.rpc.model("party.address", "write", [address_id], {
        "street": "1 Main Street\nSuite 5", "city": "San Jose", "postal_code": "95113", "country": country_id,
        "subdivision": state_id, "invoice": True}, write=True)

    addresses = {r.remote_id: r for r in await everything(book.connector, "address")}
    held = await book.rpc.search_read("party.address", [], ["party"])
    assert set(addresses) == {str(row["id"]) for row in held}  # the blank addresses of new parties too
    record = addresses[str(address_id)]
    tryton, = await book.rpc.read("party.address", [address_id], ["street", "city", "postal_code", "party"])
    data = record.data
    assert (data.street_1, data.street_2) == tuple(tryton["street"].splitlines()) == ("1 Main Street", "Suite 5")
    assert (data.city, data.zip) == (tryton["city"], tryton["postal_code"]) == ("San Jose", "95113")
    assert (data.country, data.country_subdivision, data.state) == ("US", "US-CA", "California")
    assert data.type == "BILLING" and data.contact_id == acme_id
    assert record.remote_key == f"party.address/{address_id}"
    assert (await book.connector.fetch("address", record.remote_key)).data == data
    assert await book.connector.fetch("address", f"party.party/{address_id}") is None


async def test_phone_numbers_are_the_phone_mechanisms(book):
    globex_id, globex = book.party("customer2")
    party = int(globex.remote_id)
    phone, mobile, email = await book.rpc.model("party.contact_mechanism", "create", [
        {"party": party, "type": "phone", "value": "+1 408 555 0100"},
        {"party": party, "type": "mobile", "value": "+1 408 555 0199"},
        {"party": party, "type": "email", "value": "ops@globex.example"}], write=True)

    phones = {r.remote_id: r.data for r in await everything(book.connector, "phone_number")}
    held = await book.rpc.search_read("party.contact_mechanism", [("type", "in", ["phone", "mobile", "fax"])],
                                      ["value"])
    assert set(phones) == {str(row["id"]) for row in held} >= {str(phone), str(mobile)}
    assert str(email) not in phones
    tryton = {row["id"]: row["value"] for row in held}
    assert (phones[str(phone)].number, phones[str(phone)].type) == (tryton[phone], "PRIMARY")
    assert (phones[str(mobile)].number, phones[str(mobile)].type) == (tryton[mobile], "MOBILE")
    assert phones[str(phone)].contact_id == globex_id
    assert (await book.connector.fetch("phone_number", f"party.contact_mechanism/{mobile}")).data == phones[
        str(mobile)]
    # An email mechanism is not a phone number, even fetched by its own key.
    assert await book.connector.fetch("phone_number", f"party.contact_mechanism/{email}") is None


async def test_journal_entries_are_moves_with_their_lines(book):
    today = dt.datetime.now(dt.UTC).date()
    period, = await book.rpc.search_read(
        "account.period", [("start_date", "<=", today), ("end_date", ">=", today), ("type", "=", "standard")],
        ["id"])
    journal, = await book.rpc.search_read("account.journal", [("type", "=", "general")], ["id"], limit=1)
    cash, revenue = book.ids["accounts"]["cash"], book.ids["accounts"]["revenue"]
    before = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    move_id, = await book.rpc.model("account.move", "create", [{
        "period": period["id"], "journal": journal["id"], "date": today, "description": "Owner top-up",
        "lines": [("create", [{"account": cash, "debit": Decimal("150.25"), "credit": Decimal(0)},
                              {"account": revenue, "debit": Decimal(0), "credit": Decimal("150.25")}])]}],
        write=True)
    remote_key = f"account.move/{move_id}"

    draft = (await book.connector.fetch("journal_entry", remote_key)).data
    assert draft.posting_status == "DRAFT"
    await book.rpc.model("account.move", "post", [move_id], write=True)

    entries = {r.remote_key: r for r in await everything(book.connector, "journal_entry")}
    moves = await book.rpc.search_read("account.move", [], ["number", "date", "description", "state"])
    assert set(entries) == {f"account.move/{row['id']}" for row in moves}
    move, = [row for row in moves if row["id"] == move_id]
    entry = entries[remote_key].data
    assert move["state"] == "posted" and entry.posting_status == "POSTED"
    assert (entry.journal_number, entry.memo) == (move["number"], move["description"]) and move["number"]
    assert entry.memo == "Owner top-up"
    assert entry.transaction_date == dt.datetime.combine(move["date"], dt.time(), dt.UTC)
    assert entry.currency == "USD"
    assert entry.company_info_id == book.context.ref("company_info", f"company.company/{book.ids['company']}")
    lines = await book.rpc.search_read("account.move.line", [("move", "=", move_id)], ["account", "debit", "credit"],
                                       order=[("id", "ASC")])
    assert [line.remote_id for line in entry.line_items] == [str(line["id"]) for line in lines]
    for item, line in zip(entry.line_items, lines, strict=True):
        assert item.account_id == book.context.ref("account", f"account.account/{line['account']}")
        assert (item.debit, item.credit, item.net_amount) == (line["debit"], line["credit"],
                                                              line["debit"] - line["credit"])
    debit, credit = entry.line_items
    assert (debit.posting_type, debit.net_amount) == (PostingType.DEBIT, Decimal("150.25"))
    assert (credit.posting_type, credit.net_amount) == (PostingType.CREDIT, Decimal("-150.25"))

    changed = await everything(book.connector, "journal_entry", since=before)
    assert remote_key in {r.remote_key for r in changed}
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert await everything(book.connector, "journal_entry", since=tomorrow) == []
