"""khcal: Cambodia's public holidays, Khmer lunar dates and remembrance days."""

__version__ = "0.1.0"
