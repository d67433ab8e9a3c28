"""HTTP layer: one blueprint per resource, schemas beside them; views parse, make one call, respond. May import every other package."""
