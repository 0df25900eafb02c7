"""Models of Equipment Systems, one module per resource."""
