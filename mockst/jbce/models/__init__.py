"""Models of Job Booking, one module per resource."""
