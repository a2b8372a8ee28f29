"""The summary staff read at the top of every forward (``templates/forward.txt.j2``).

It names what staff need to triage (urgency, language, sender, subject,
what OpenPGP found, the rules) and never hides a warning: a key that changed,
a signature by someone else, bidi controls made visible.
"""

from __future__ import annotations

from typing import Any

from ..model import CryptoFacts
from ..parse import show_bidi_controls

FORWARD_SUMMARY = """\
mailrouter case {{ case_tag }} ({{ mailbox }})

Urgency:     {{ urgency }}
Language:    {{ language }}{% if language_confidence %} (confidence {{ '%.2f' % language_confidence }}){% endif %}
From:        {{ sender or '(no usable sender address)' }}
Subject:     {{ subject or '(none)' }}
Encrypted:   {{ encrypted }}
Signature:   {{ signature }}
Sender key:  {{ sender_key or 'none known (acknowledgement not encrypted)' }}
Tags:        {{ tags | join(', ') if tags else '-' }}
Rules:       {{ rules | join(', ') }}
Acknowledged:{% if ack_sent %} yes{% else %} no ({{ ack_reason }}){% endif %}
{% if flags %}Flags:       {{ flags | join(', ') }}
{% endif %}{% if defects %}Parse defects:
{% for d in defects %}  - {{ d }}
{% endfor %}{% endif %}
{% if decrypted %}The decrypted message is attached (it travels only inside this encrypted mail).
{% else %}The original message is attached unchanged.
{% endif %}
To claim this case, reply signed with your OpenPGP key (keep "case {{ case_tag }}" in the text),
or run: mailrouter ack {{ case_tag }} --by YOUR_ID
"""

# Sample values for checking forward.txt.j2 (every variable the summary gets).
FORWARD_SAMPLE = {
    "case_tag": "7F3K", "mailbox": "emergency", "urgency": "critical", "language": "ar",
    "language_confidence": 0.93, "sender": "someone@example.org", "subject": "help", "encrypted": "no",
    "signature": "none", "sender_key": None, "tags": ["threat-to-life"], "decrypted": False,
    "rules": ["emergency-default"], "ack_sent": True, "ack_reason": "", "flags": [], "defects": [],
}


def summary_context(analysis, case, ack_sent: bool, ack_reason: str) -> dict[str, Any]:
    """The template variables of one case's summary (``analysis``: analysis.Analysis)."""
    facts, decision = analysis.facts, analysis.decision
    return {
        "case_tag": case.tag, "mailbox": facts.mailbox, "urgency": decision.urgency,
        "language": decision.language, "language_confidence": facts.language_confidence,
        "sender": show_bidi_controls(facts.sender), "subject": show_bidi_controls(facts.subject),
        "encrypted": encryption_text(facts.crypto), "signature": signature_text(facts.crypto),
        "sender_key": sender_key_text(facts.crypto), "tags": decision.tags,
        "decrypted": analysis.inner_raw is not None,
        "rules": [h.rule for h in decision.rules], "ack_sent": ack_sent, "ack_reason": ack_reason,
        "flags": analysis.flags, "defects": facts.defects}


def encryption_text(crypto: CryptoFacts) -> str:
    if not crypto.encrypted:
        return f"no ({crypto.error})" if crypto.error else "no"
    if crypto.decrypted:
        return "yes (decrypted)"
    return f"yes, NOT decrypted: {crypto.error or 'unknown reason'}"


def sender_key_text(crypto: CryptoFacts) -> str | None:
    key = crypto.sender_key_fingerprint
    if crypto.sender_key_changed:
        return f"{key or 'none trusted'} -- CHANGED: {crypto.sender_key_note}"
    return key


def signature_text(crypto: CryptoFacts) -> str:
    sig = crypto.signature
    if sig.status == "none":
        return "none"
    text = sig.status
    if sig.fingerprint:
        text += f" by {sig.fingerprint}"
    if sig.status == "valid" and not sig.signer_uid_matches_sender:
        text += " (key does not belong to the From address)"
    elif sig.status == "valid" and crypto.sender_key_changed and sig.fingerprint != crypto.sender_key_fingerprint:
        text += " (NOT the sender's known key)"
    return text
