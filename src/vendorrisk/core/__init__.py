"""The domain: the assessment model, the catalogue, the rules (scoring, workflow,
schedule, approval, validation). Pure: values in, values out; reads and writes no file,
chooses no words (it returns codes.Phrase values and raises CodedError)."""
