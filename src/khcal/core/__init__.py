"""khcal's pure core: the Khmer calendar arithmetic, the typed model, the rule kinds, loading definitions,
the schedule of occurrences and working days.

Nothing here imports Typer or rich, reads the clock or the environment, or words a sentence for a user:
today is passed in, and errors carry a message key that the text layer words.
"""
