"""Models of Marketing, one module per resource."""
