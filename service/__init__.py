"""Tathya: fact-tracking REST microservice for Hindi news (dates, claims, places, timelines)."""
