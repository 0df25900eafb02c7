"""Models of Job Planning and Management, one module per resource."""
