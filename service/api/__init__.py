"""HTTP layer: one blueprint per resource; views translate HTTP to domain calls and back."""
