"""Claims: reporting verbs, speakers, content, claim dates and places. May import service.text, dates, places (no Flask, no database)."""
