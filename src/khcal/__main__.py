"""`python -m khcal` runs the command line."""

from khcal.fastpath import main

main()
