"""Push delivery: webhook target checks, signed HTTP sends, and the worker that drains the outbox."""
