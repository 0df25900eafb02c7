"""Models of Pricebook, one module per resource."""
