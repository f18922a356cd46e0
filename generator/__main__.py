"""`python -m generator` is the `factsheet` command."""
from .cli import main

main(prog_name="factsheet")
