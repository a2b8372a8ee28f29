"""Facts -> Decision. Pure.

Until the rules language lands (issue 5), each mailbox routes to its team
with its default urgency; this is also the decision of last resort.
"""

from __future__ import annotations

from .config import Config
from .model import Decision, Facts, RuleHit


def default_decision(facts: Facts, config: Config) -> Decision:
    box = config.mailboxes[facts.mailbox]
    return Decision(
        urgency=box.default_urgency,
        language=facts.language,
        tags=[],
        forward_teams=[box.team],
        ack_template="default" if box.acknowledge else None,
        ack_suppressed_reason=None if box.acknowledge else "mailbox does not acknowledge",
        rules=[RuleHit(f"{facts.mailbox}.default", f"mailbox {facts.mailbox} default route")],
    )


def route(facts: Facts, config: Config, ruleset=None) -> Decision:
    """The rules' decision, or the mailbox default when no rules are loaded."""
    if ruleset is None:
        return default_decision(facts, config)
    return evaluate(ruleset, facts, config)


def evaluate(ruleset, facts: Facts, config: Config) -> Decision:  # replaced by the rules engine (issue 5)
    return default_decision(facts, config)
