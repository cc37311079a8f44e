import pytest

from ledgerbridge.webhooks.signing import InvalidSignature, sign, verify

BODY = b'{"id_event":"e1","type":"sync.completed","data":{"amount":300.50}}'


def test_a_signature_verifies_and_says_when_it_was_made() -> None:
    header = sign(BODY, "whsec_a", timestamp=1_700_000_000)
    assert header.startswith("t=1700000000,v1=")
    assert verify(BODY, header, "whsec_a", now=1_700_000_010) == 1_700_000_000


@pytest.mark.parametrize(
    ("body", "secret", "now", "reason"),
    [
        (BODY.replace(b"300.50", b"300.51"), "whsec_a", 1_700_000_000, "no signature matches"),
        (BODY, "whsec_b", 1_700_000_000, "no signature matches"),
        (BODY, "whsec_a", 1_700_000_301, "more than 300 s"),  # replayed too late
    ],
)
def test_tampering_another_secret_or_a_replay_is_refused(body: bytes, secret: str, now: int, reason: str) -> None:
    header = sign(BODY, "whsec_a", timestamp=1_700_000_000)
    with pytest.raises(InvalidSignature, match=reason):
        verify(body, header, secret, now=now)


def test_any_of_several_signatures_may_match_during_a_secret_rotation() -> None:
    old = sign(BODY, "whsec_old", timestamp=1_700_000_000)
    new = sign(BODY, "whsec_new", timestamp=1_700_000_000).split(",", 1)[1]
    assert verify(BODY, f"{old},{new}", "whsec_new", now=1_700_000_000) == 1_700_000_000


@pytest.mark.parametrize("header", ["", "v1=abc", "t=abc,v1=abc", "t=1700000000"])
def test_malformed_headers_are_refused(header: str) -> None:
    with pytest.raises(InvalidSignature):
        verify(BODY, header, "whsec_a", now=1_700_000_000)
