"""Which written addresses reach the same inbox. Pure.

One person can write as ``Person@gmail.com``, ``person+1@gmail.com`` and
``p.e.r.s.o.n@googlemail.com``: the same inbox. The acknowledgement rate limit
and the "our own address" guard compare ``mailbox_key`` values, never the
address as written (the acknowledgement itself still goes to the address as
written).

Folded, and why:
* case, everywhere (no mail provider of note delivers by case of the local part);
* a ``+tag`` sub-address, everywhere (RFC 5233 style; Gmail, Outlook.com,
  Fastmail, Proton, iCloud, Yahoo... document ``+`` addressing). A local part
  that starts with ``+`` is left alone;
* dots in the local part only where the provider documents that they are
  ignored: Gmail (``gmail.com`` and its alias ``googlemail.com``, which are
  one address space).
"""

from __future__ import annotations

# Domains whose provider documents that dots in the local part are ignored.
DOTS_IGNORED = frozenset({"gmail.com", "googlemail.com"})
# Domains that are one address space: alias -> canonical domain.
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def mailbox_key(address: str | None) -> str | None:
    """The inbox an address reaches, as a comparable string; None for no address."""
    if not address:
        return None
    local, at, domain = address.strip().rpartition("@")
    if not at or not local:
        return address.strip().lower()
    local, domain = local.lower(), domain.lower().rstrip(".")
    plus = local.find("+")
    if plus > 0:
        local = local[:plus]
    if domain in DOTS_IGNORED:
        local = local.replace(".", "") or local
    return f"{local}@{DOMAIN_ALIASES.get(domain, domain)}"


def is_own_address(address: str | None, own_addresses: set[str]) -> bool:
    """True when ``address`` reaches one of ``own_addresses`` (``emergency+x@``, other case...)."""
    key = mailbox_key(address)
    return key is not None and key in {mailbox_key(a) for a in own_addresses}
