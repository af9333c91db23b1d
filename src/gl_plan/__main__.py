"""``python -m gl_plan``: the same as the ``glplan`` command."""

from gl_plan.cli import main

if __name__ == "__main__":
    main()
