"""Every sentence khcal shows a user, one table per language, and the words for dates and numbers."""
