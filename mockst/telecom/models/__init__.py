"""Models of Telecom, one module per resource."""
