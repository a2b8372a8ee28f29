"""Sender key continuity decisions (pure)."""

from mailrouter.keycontinuity import CURRENT, PENDING, REJECTED, RETIRED, judge

OLD, NEW, OTHER = "A" * 40, "B" * 40, "C" * 40


def test_first_key_is_trusted_on_first_use():
    v = judge({}, [OLD], None)
    assert v.current == OLD and not v.changed and v.updates == {OLD: CURRENT}


def test_nothing_known_nothing_offered():
    v = judge({}, [], None)
    assert v.current is None and not v.changed and v.updates == {}


def test_known_key_again_changes_nothing():
    v = judge({OLD: CURRENT}, [OLD], OLD)
    assert v.current == OLD and not v.changed and v.updates == {} and OLD in v.seen


def test_unsigned_new_key_stays_pending_and_is_a_change():
    v = judge({OLD: CURRENT}, [NEW], None)
    assert v.current == OLD and v.changed and v.updates == {NEW: PENDING}
    assert "NEW KEY" in v.note


def test_new_key_signed_by_itself_is_not_a_rollover():
    """The forged-Autocrypt attack: the attacker signs with the key he brings."""
    v = judge({OLD: CURRENT}, [NEW], NEW)
    assert v.current == OLD and v.changed and v.updates == {NEW: PENDING}


def test_new_key_signed_by_the_known_key_is_a_rollover():
    v = judge({OLD: CURRENT}, [OLD, NEW], OLD)
    assert v.current == NEW and v.changed and v.updates == {NEW: CURRENT, OLD: RETIRED}
    assert "rollover" in v.note


def test_rejected_key_is_never_taken():
    v = judge({OLD: CURRENT, NEW: REJECTED}, [NEW], OLD)
    assert v.current == OLD and v.changed and v.updates == {}
    v = judge({NEW: REJECTED}, [NEW], None)
    assert v.current is None and v.updates == {}


def test_signature_by_a_key_that_is_not_the_known_one_is_a_change():
    v = judge({OLD: CURRENT}, [], OTHER)
    assert v.current == OLD and v.changed and "not the sender's known key" in v.note


def test_retired_key_offered_again_is_not_used():
    v = judge({NEW: CURRENT, OLD: RETIRED}, [OLD], None)
    assert v.current == NEW and v.changed and v.updates == {}
