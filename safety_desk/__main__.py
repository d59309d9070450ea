"""`python -m safety_desk` runs the same command as `safety-desk`."""

from safety_desk.cli import main

if __name__ == "__main__":
    main()
