"""Allow ``python -m spinejournal``."""

from spinejournal.cli import main

if __name__ == "__main__":
    main()
