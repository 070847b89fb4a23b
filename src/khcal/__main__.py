"""`python -m khcal` runs the command line."""

from khcal.cli.memo import main

main()
