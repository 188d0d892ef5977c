"""What the tool does with assessments, built from core and store: diff,
catalogue evolution, questionnaire exchange, yearly rounds, URL evidence, the
subcontracting register, init, the editing session, the list summaries, batch checks."""
