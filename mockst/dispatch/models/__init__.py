"""Models of Dispatch, one module per resource."""
