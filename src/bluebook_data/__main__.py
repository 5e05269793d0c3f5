"""Run the command line as ``python -m bluebook_data``."""

from bluebook_data.cli import run

if __name__ == "__main__":
    run()
