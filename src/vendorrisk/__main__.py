from vendorrisk.cli import run

# Guarded: worker processes started with "spawn" (the UI's summaries, validate's batches)
# import the main module again, and must not start a second command.
if __name__ == "__main__":
    run()
