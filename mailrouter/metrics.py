"""Prometheus metrics (prometheus-client): counts and timings, never personal data.

Exposed by ``mailrouter run`` on ``[service] metrics_address`` (e.g.
"127.0.0.1:9464"); nothing is exposed when it is not set. Labels are mailbox
names, urgency levels and mail kinds only.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

CASES = Counter("mailrouter_cases_total", "Cases created", ["mailbox", "urgency"])
CLAIMS = Counter("mailrouter_claims_total", "Cases claimed by staff mail", ["mailbox"])
FALLBACKS = Counter("mailrouter_could_not_process_total", "Messages forwarded raw after repeated failures",
                    ["mailbox"])
POLL_ERRORS = Counter("mailrouter_poll_errors_total", "Failed polls of a mailbox", ["mailbox"])
LAST_POLL = Gauge("mailrouter_last_successful_poll_timestamp_seconds", "Time of the last successful poll",
                  ["mailbox"])
SENT = Counter("mailrouter_mail_sent_total", "Mails accepted by the SMTP relay", ["kind"])
DEFERRED = Counter("mailrouter_mail_deferred_total", "Delivery attempts that will be retried", ["kind"])
REJECTED = Counter("mailrouter_mail_rejected_total", "Mails rejected permanently by the relay", ["kind"])
OUTBOX = Gauge("mailrouter_outbox_mails", "Mails in the outbox by state", ["state"])
PROCESSING = Histogram("mailrouter_message_processing_seconds", "Parse, decrypt, route and compose one message",
                       buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))


def serve(address: str) -> None:
    host, _, port = address.rpartition(":")
    start_http_server(int(port), addr=host or "127.0.0.1")


def record_outbox(counts: dict[str, int]) -> None:
    for state in ("due", "scheduled", "retrying", "sending", "sent", "failed", "cancelled"):
        OUTBOX.labels(state).set(counts.get(state, 0))
