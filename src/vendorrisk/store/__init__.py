"""The only reader and writer of files: bounded reads, the TOML reader and the
canonical writer, atomic saves with history, the repository root, git, the cache."""
