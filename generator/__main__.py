"""`python -m generator` is the `factsheet` command."""
from .cli import run

run()
