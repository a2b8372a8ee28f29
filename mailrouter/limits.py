"""Structural limits shared by every code path that walks a message's MIME tree.

``parse`` (the stdlib feed parser and its walk) and ``crypto`` (its byte-level
walker over the exact bytes) both stop at these, so no input costs more than
a bounded amount of work on any path. Past a limit the message is still
forwarded, flagged with a content-free defect or crypto error.
"""

MAX_MESSAGE_BYTES = 32 * 1024 * 1024  # parsed or searched for OpenPGP; beyond this only a prefix is parsed
MAX_DEPTH = 50  # MIME nesting levels walked
MAX_PARTS = 500  # MIME entities walked (the root included)
MAX_HEADER_BYTES = 256 * 1024  # header block: of the message (parse), of any entity (crypto)
