"""khcal's pure core: the Khmer calendar arithmetic, the typed model, the rule kinds, loading definitions,
the schedule of occurrences and working days.

- `model`: the typed values and the closed sets of words (Language, Scope, Status, Phase, EventKind, Sector);
- `rules`: one class per rule kind, registered by name in `rules.KINDS`;
- `definitions`: locate, load, merge and cross-check definitions files (`validate` reads one file through
  the typed access of `fields`; `lines` finds where things are); `cache`: the compiled catalogue;
- `khmer_calendar` (with `lunar_years` and `songkran`, explained in khmer_calendar.md): the calendar;
- `schedule`: occurrences of a year; `workdays`: working-day arithmetic; `summary`: a day at a glance.

Nothing here imports Typer or rich, reads the clock or the environment, or words a sentence for a user:
today and folders are passed in, and errors and problems carry a message key that the text layer words.
"""
