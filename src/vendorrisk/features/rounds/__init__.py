"""The yearly 自己点検票 round (policy §7; issue 14 §6): the vendor questionnaire sent to
every approved vendor due in a 年度, the record of what was sent (``rounds/<year>.toml``),
and who has returned what since."""
