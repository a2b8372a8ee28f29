"""The store's exactly-once protocol on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import stat
import threading
from datetime import timedelta

import pytest
from sqlalchemy import text

from mailrouter.model import Outgoing, SourceKey
from mailrouter.store import AuditEvent, LostClaim, NewCase, Store



@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'store.db'}")
    else:
        url = request.getfixturevalue("pg_url")
        s = Store(url, hash_key_file=request.getfixturevalue("pg_key_file"))
        with s.engine.begin() as conn:
            for table in ("ledger", "cases", "audit", "outbox", "mailbox_state", "ack_rate", "copies"):
                conn.execute(text(f"DELETE FROM {table}"))
    yield s
    s.close()


def key(uid: int) -> SourceKey:
    return SourceKey("acct", "INBOX", 42, str(uid))


def new_case(store: Store) -> NewCase:
    case_id, tag = store.new_case_identity()
    return NewCase(id=case_id, tag=tag, mailbox="emergency", urgency="critical", language="en", tags=[],
                   rules=[{"rule": "r", "why": "w"}], flags=[], encrypted=False, sender_hash=None)


def mail(case: NewCase, kind: str = "forward") -> Outgoing:
    return Outgoing(kind, f"<{case.id}.{kind}@test>", "", ("staff@example.org",), b"Subject: x\r\n\r\nbody\r\n")


def test_claim_is_exclusive_until_lease_expires(store):
    first = store.claim(key(1), "emergency", "worker-a", timedelta(minutes=5))
    assert first.status == "claimed"
    assert store.claim(key(1), "emergency", "worker-b", timedelta(minutes=5)).status == "busy"
    store.release_claim(first.ledger_id, "worker-a")  # lease ends now
    taken = store.claim(key(1), "emergency", "worker-b", timedelta(minutes=5))
    assert taken.status == "claimed" and taken.ledger_id == first.ledger_id
    # the old owner can no longer commit
    case = new_case(store)
    with pytest.raises(LostClaim):
        store.commit_decision(ledger_id=first.ledger_id, owner="worker-a", message_id_hash=None,
                              raw_sha256="0" * 64, case=case, events=[], outgoing=[mail(case)])
    assert store.outbox_counts() == {}


def test_commit_is_all_or_nothing(store):
    claim = store.claim(key(2), "emergency", "w", timedelta(minutes=5))
    case = new_case(store)
    dup = mail(case)
    with pytest.raises(Exception):
        # two outgoing mails with the same Message-ID violate a constraint mid-transaction
        store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="1" * 64,
                              case=case, events=[AuditEvent("t", "e")], outgoing=[dup, dup])
    assert store.outbox_counts() == {}
    assert store.all_cases() == []
    assert store.ledger_state(key(2)) == "claimed"
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="1" * 64,
                          case=case, events=[AuditEvent("t", "e")], outgoing=[dup])
    assert store.ledger_state(key(2)) == "decided"
    assert store.claim(key(2), "emergency", "other", timedelta(minutes=5)).status == "done"


def test_outbox_items_are_handed_out_once_across_workers(store):
    claim = store.claim(key(3), "emergency", "w", timedelta(minutes=5))
    case = new_case(store)
    outs = [Outgoing("forward", f"<{case.id}.{i}@test>", "", ("s@example.org",), b"x") for i in range(40)]
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="2" * 64,
                          case=case, events=[], outgoing=outs)
    taken: list[list[int]] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        while True:
            items = store.claim_due(name, 3, timedelta(minutes=5))
            if not items:
                return
            with lock:
                taken.append([i.id for i in items])
            for item in items:
                store.mark_sent(item.id)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    ids = [i for batch in taken for i in batch]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 40
    assert store.outbox_counts() == {"sent": 40}


def test_expired_sending_lease_is_due_again(store):
    claim = store.claim(key(4), "emergency", "w", timedelta(minutes=5))
    case = new_case(store)
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="3" * 64,
                          case=case, events=[], outgoing=[mail(case)])
    first = store.claim_due("dead-worker", 10, timedelta(seconds=-1))  # lease already over: it "died"
    assert len(first) == 1
    again = store.claim_due("new-worker", 10, timedelta(minutes=5))
    assert [i.message_id for i in again] == [first[0].message_id]
    assert store.claim_due("third", 10, timedelta(minutes=5)) == []


def test_copy_detection_needs_same_bytes(store):
    claim = store.claim(key(5), "emergency", "w", timedelta(minutes=5))
    case = new_case(store)
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash="m" * 64, raw_sha256="4" * 64,
                          case=case, events=[], outgoing=[mail(case)])
    assert store.find_copy("emergency", "m" * 64, "4" * 64) == case.id
    # same Message-ID, different content: a forged Message-ID never suppresses a message
    assert store.find_copy("emergency", "m" * 64, "5" * 64) is None
    assert store.find_copy("humanrights", "m" * 64, "4" * 64) is None


def test_ack_rate_window(store):
    k = (store.pseudonym("someone@example.net"), "humanrights")
    assert not store.ack_recently_sent(k, timedelta(hours=1))
    claim = store.claim(key(6), "humanrights", "w", timedelta(minutes=5))
    case = new_case(store)
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="6" * 64,
                          case=case, events=[], outgoing=[mail(case, "ack")], ack_rate_key=k)
    assert store.ack_recently_sent(k, timedelta(hours=1))
    assert not store.ack_recently_sent((k[0], "emergency"), timedelta(hours=1))


def test_pseudonyms_are_keyed_and_stable(store, tmp_path):
    a = store.pseudonym("Someone@Example.net")
    assert a == store.pseudonym("someone@example.net")
    assert "someone" not in a
    assert a != Store(f"sqlite:///{tmp_path / 'other.db'}").pseudonym("someone@example.net")


def test_sent_mail_bytes_are_erased_after_the_retention_time(store):
    claim = store.claim(key(7), "emergency", "w", timedelta(minutes=5))
    case = new_case(store)
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="7" * 64,
                          case=case, events=[], outgoing=[mail(case), mail(case, "ack")])
    first, second = store.claim_due("w", 10, timedelta(minutes=5))
    store.mark_sent(first.id)
    assert store.purge_sent(timedelta(days=1)) == 0
    assert store.purge_sent(timedelta(seconds=-1)) == 1  # only the sent one
    rows = {r.id: r for r in store.outbox_rows()}
    assert bytes(rows[first.id].data) == b"" and list(rows[first.id].recipients) == []
    assert bytes(rows[second.id].data) != b"" and list(rows[second.id].recipients) == ["staff@example.org"]
    assert store.enqueue(mail(case)) is False  # its Message-ID still counts as sent


def test_a_sent_acknowledgement_keeps_neither_the_senders_address_nor_its_bytes(store):
    claim = store.claim(key(8), "emergency", "w", timedelta(minutes=5))
    case = new_case(store)
    ack = Outgoing("ack", f"<{case.id}.ack@test>", "", ("sender@example.net",), b"To: sender@example.net\r\n\r\nx")
    store.commit_decision(ledger_id=claim.ledger_id, owner="w", message_id_hash=None, raw_sha256="b" * 64,
                          case=case, events=[], outgoing=[ack, mail(case)])
    items = {i.kind: i for i in store.claim_due("w", 10, timedelta(minutes=5))}
    assert items["ack"].recipients == ["sender@example.net"]  # needed until it is delivered
    store.mark_sent(items["ack"].id)
    store.mark_sent(items["forward"].id)
    rows = {r.kind: r for r in store.outbox_rows(case.id)}
    assert list(rows["ack"].recipients) == [] and bytes(rows["ack"].data) == b""
    assert rows["ack"].state == "sent" and rows["ack"].message_id == ack.message_id
    assert list(rows["forward"].recipients) == ["staff@example.org"]  # until keep_sent_days
    delivered = [e["detail"] for e in store.audit_trail(case.id) if e["event"] == "ack delivered"]
    assert delivered == [{"recipients": 1}]


def test_two_copies_decided_at_once_make_one_case(store):
    """Two instances each hold one byte-identical copy; only one decision can commit."""
    first = store.claim(key(20), "emergency", "a", timedelta(minutes=5))
    second = store.claim(key(21), "emergency", "b", timedelta(minutes=5))
    case_a, case_b = new_case(store), new_case(store)
    store.commit_decision(ledger_id=first.ledger_id, owner="a", message_id_hash="c" * 64, raw_sha256="8" * 64,
                          case=case_a, events=[], outgoing=[mail(case_a)])
    with pytest.raises(Exception):
        store.commit_decision(ledger_id=second.ledger_id, owner="b", message_id_hash="c" * 64,
                              raw_sha256="8" * 64, case=case_b, events=[], outgoing=[mail(case_b)])
    assert store.find_copy("emergency", "c" * 64, "8" * 64) == case_a.id
    assert [c.id for c in store.all_cases()] == [case_a.id]
    assert store.ledger_state(key(21)) == "claimed"  # the loser marks it a duplicate next


def test_only_one_of_two_racing_acknowledgements_is_recorded(store):
    """Two instances each decided to acknowledge the same sender; the second commit loses."""
    from mailrouter.store import AckRaceLost

    k = (store.pseudonym("racer@example.net"), "emergency")
    first = store.claim(key(30), "emergency", "a", timedelta(minutes=5))
    second = store.claim(key(31), "emergency", "b", timedelta(minutes=5))
    case_a, case_b = new_case(store), new_case(store)
    store.commit_decision(ledger_id=first.ledger_id, owner="a", message_id_hash=None, raw_sha256="9" * 64,
                          case=case_a, events=[], outgoing=[mail(case_a, "ack")], ack_rate_key=k,
                          ack_window=timedelta(hours=1))
    with pytest.raises(AckRaceLost):
        store.commit_decision(ledger_id=second.ledger_id, owner="b", message_id_hash=None, raw_sha256="a" * 64,
                              case=case_b, events=[], outgoing=[mail(case_b, "ack")], ack_rate_key=k,
                              ack_window=timedelta(hours=1))
    assert [c.id for c in store.all_cases()] == [case_a.id]  # rolled back whole
    # with no window (limit off), every acknowledgement is recorded
    store.commit_decision(ledger_id=second.ledger_id, owner="b", message_id_hash=None, raw_sha256="a" * 64,
                          case=case_b, events=[], outgoing=[mail(case_b, "ack")], ack_rate_key=k)


# --- the key of the sender hashes lives outside the store ------------------------------


def sqlite_url(tmp_path, name="store.db") -> str:
    return f"sqlite:///{tmp_path / name}"


def test_the_hashing_key_is_a_0600_file_beside_the_database_not_in_it(tmp_path):
    store = Store(sqlite_url(tmp_path))
    hashed = store.pseudonym("someone@example.net")
    store.close()
    key_file = tmp_path / "store.db.hash-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = bytes.fromhex(key_file.read_text().strip())
    assert hashed == hmac.new(key, b"someone@example.net", hashlib.sha256).hexdigest()
    data = b"".join(p.read_bytes() for p in tmp_path.glob("store.db*") if p != key_file)
    assert key not in data and key.hex().encode() not in data
    assert Store(sqlite_url(tmp_path)).pseudonym("someone@example.net") == hashed  # the next start


def test_two_stores_with_the_same_key_file_make_the_same_pseudonyms(store, tmp_path, request):
    key_file = tmp_path / "shared.key"
    first = Store(sqlite_url(tmp_path, "a.db"), hash_key_file=key_file)
    second = Store(sqlite_url(tmp_path, "b.db"), hash_key_file=key_file)
    assert first.pseudonym("x@example.net") == second.pseudonym("x@example.net")
    # and a second instance of one (PostgreSQL or SQLite) store
    shared = request.getfixturevalue("pg_key_file") if store.is_postgres else tmp_path / "store.db.hash-key"
    other = Store(store.url, hash_key_file=shared)
    assert other.pseudonym("x@example.net") == store.pseudonym("x@example.net")
    other.close()


def test_a_key_kept_in_the_store_by_an_older_version_moves_to_the_file(tmp_path):
    from sqlalchemy import create_engine, insert

    from mailrouter.store import metadata, meta

    legacy = secrets.token_bytes(32)
    engine = create_engine(sqlite_url(tmp_path))
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(meta).values(key="hmac_key", value=legacy.hex()))
    engine.dispose()
    store = Store(sqlite_url(tmp_path))
    # existing pseudonyms stay joinable
    assert store.pseudonym("old@example.net") == hmac.new(legacy, b"old@example.net", hashlib.sha256).hexdigest()
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM meta WHERE key = 'hmac_key'")).scalar() == 0
    store.close()
    assert (tmp_path / "store.db.hash-key").read_text().strip() == legacy.hex()
    assert legacy.hex().encode() not in (tmp_path / "store.db").read_bytes()


def test_a_missing_or_wrong_key_stops_the_start_with_a_clear_error(tmp_path):
    from mailrouter.config import ConfigError

    Store(sqlite_url(tmp_path)).close()
    key_file = tmp_path / "store.db.hash-key"
    original = key_file.read_text()
    key_file.unlink()
    with pytest.raises(ConfigError, match="is missing, and this store holds sender hashes"):
        Store(sqlite_url(tmp_path))
    assert not key_file.exists()  # no new key was made behind the operator's back
    key_file.write_text(secrets.token_hex(32) + "\n")
    with pytest.raises(ConfigError, match="not the key this store's sender hashes were made with"):
        Store(sqlite_url(tmp_path))
    key_file.write_text("not a key\n")
    with pytest.raises(ConfigError, match="not a key"):
        Store(sqlite_url(tmp_path))
    key_file.write_text(original)
    Store(sqlite_url(tmp_path)).close()


def test_the_key_can_come_from_an_environment_variable(tmp_path, monkeypatch):
    from mailrouter.config import ConfigError

    key = secrets.token_hex(32)
    monkeypatch.setenv("MR_TEST_HASH_KEY", key)
    store = Store(sqlite_url(tmp_path), hash_key_env="MR_TEST_HASH_KEY")
    assert store.pseudonym("a@example.net") == hmac.new(bytes.fromhex(key), b"a@example.net",
                                                        hashlib.sha256).hexdigest()
    store.close()
    assert not (tmp_path / "store.db.hash-key").exists()
    monkeypatch.setenv("MR_TEST_HASH_KEY", secrets.token_hex(32))
    with pytest.raises(ConfigError, match="not the key"):
        Store(sqlite_url(tmp_path), hash_key_env="MR_TEST_HASH_KEY")
    monkeypatch.delenv("MR_TEST_HASH_KEY")
    with pytest.raises(ConfigError, match="is not set"):
        Store(sqlite_url(tmp_path), hash_key_env="MR_TEST_HASH_KEY")


def test_a_postgresql_store_must_name_its_key(pg_url):
    from mailrouter.config import ConfigError

    with pytest.raises(ConfigError, match="PostgreSQL store needs"):
        Store(pg_url)
