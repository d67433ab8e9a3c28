"""Hindi date expressions → TIMEX3 values with intervals. May import service.text only (no Flask, no database)."""
