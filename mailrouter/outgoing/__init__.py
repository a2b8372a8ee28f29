"""Everything a case sends: what goes out and to whom, how it is written, encrypted and kept safe.

* ``acknowledgement``: whether the sender is acknowledged (the RFC 3834 guards
  are facts; the rate limit and templates decide here) and the acknowledgement.
* ``summary``: the summary staff read at the top of a forward.
* ``case_mail``: one case's outgoing mail: acknowledgement, forward, escalation
  steps and alerts, with the fallbacks that keep a case readable.
* ``recipients``: who gets the forward and each escalation step.
* ``compose``: RFC 5322 messages with stable, opaque Message-IDs.
* ``seal``: PGP/MIME encryption with protected headers, and who can get what.
* ``render``: operator templates in a jinja2 sandbox.
* ``headers``: values that may reach outgoing headers, and the allow-list check.
"""
