"""`python -m khcal` runs the command line."""

from khcal.cli import main

main()
