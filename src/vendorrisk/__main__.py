from vendorrisk.cli import run

run()
