"""Questionnaire exchange with vendors: the blank questionnaire out, their answers in.
Core code: no UI, no HTTP."""
