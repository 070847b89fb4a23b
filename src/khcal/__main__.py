"""`python -m khcal` runs the command line."""

from khcal.cli.fastpath import main

main()
