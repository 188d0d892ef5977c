"""The widgets of the questionnaire screen, one a file: each shows one part of the current
question from a reactive the screen sets, and says what the user did with a message."""
