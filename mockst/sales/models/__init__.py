"""Models of Sales & Estimates, one module per resource."""
