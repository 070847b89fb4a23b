"""What people see at a terminal: rich screens, the month grid, Khmer-safe wrapping."""
