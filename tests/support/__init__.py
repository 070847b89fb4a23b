"""What tests share besides the fixtures of conftest.py: the command line run in-process, the settings file,
khcal serve and nginx as real processes. Imported as `support.NAME` (pytest puts tests/ on sys.path)."""
