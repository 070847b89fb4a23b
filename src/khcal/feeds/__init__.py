"""Calendar feeds: the iCalendar writer and the HTTP server behind `khcal serve`."""
