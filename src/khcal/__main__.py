"""`python -m khcal` runs the command line."""

from khcal.cli.entry import main

main()
