"""Authentication-Results: only the operator's MTA is believed (RFC 8601)."""

from mailrouter.authres import parse_value, trusted_results

MTA = "mx.example.org"


def headers(*values: str) -> list[tuple[str, str]]:
    return [("Authentication-Results", v) for v in values] + [("From", "a@example.net")]


def test_topmost_trusted_header_counts_and_forged_copies_below_are_ignored():
    real = f"{MTA}; dkim=fail header.d=example.net; dmarc=fail (p=reject) header.from=example.net"
    forged = f"{MTA}; dkim=pass header.d=example.net; dmarc=pass header.from=example.net"
    ar = trusted_results(headers(real, forged), MTA)
    assert ar.found and ar.dmarc_failed
    assert not ar.dmarc_pass_for("example.net")


def test_other_authserv_ids_are_never_read():
    ar = trusted_results(headers("evil.example; dmarc=pass header.from=example.net"), MTA)
    assert not ar.found
    assert not ar.dmarc_pass_for("example.net")


def test_nothing_is_believed_without_a_configured_mta():
    assert not trusted_results(headers(f"{MTA}; dmarc=pass header.from=example.net"), None).found


def test_comments_quotes_versions_and_case():
    ident, results = parse_value(
        f'(our edge) MX.Example.ORG 1; DKIM=Pass (2048-bit key) Header.D="Example.NET" header.s=sel; '
        'spf=softfail smtp.mailfrom=x@example.net; dmarc/1=PASS header.from=example.net')
    assert ident == MTA
    assert [(r.method, r.result) for r in results] == [("dkim", "pass"), ("spf", "softfail"), ("dmarc", "pass")]
    assert results[0].props["header.d"] == "example.net"


def test_dmarc_pass_must_be_for_the_right_domain():
    ar = trusted_results(headers(f"{MTA}; dmarc=pass header.from=attacker.example"), MTA)
    assert ar.dmarc_pass_for("attacker.example")
    assert not ar.dmarc_pass_for("example.org")


def test_garbage_is_no_result_not_an_error():
    for value in ("", ";;;", "(((", f"{MTA}; =; dkim", "\x00" * 10, f"{MTA};" + "(" * 5000):
        ar = trusted_results(headers(value), MTA)
        assert not ar.dmarc_failed and not ar.results or ar.found
