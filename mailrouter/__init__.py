"""mailrouter: the intake router behind a community's safety mailboxes."""

__version__ = "0.1.0"
