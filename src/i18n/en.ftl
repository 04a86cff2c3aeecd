# salgsmal messages in English. Each message id exists in nb.ftl too, with
# the same variables (a test checks it). Numbers, money, percents and dates
# arrive formatted for the locale; counts are numbers, for plural forms.

plain = { $text }
empty = {""}
value = { $value }

## Units and weights

unit-day = day
unit-week = week
unit-month = month
unit-quarter = quarter
unit-year = year
weights-revenue = revenue targets
weights-baseline-revenue = baseline revenue
weights-customer-count = customer counts
weights-offers = offers a year
weights-metric = { $metric } targets
gap-points = { $points } points
part = { $name } { $value }
part-weighted = { $name } { $value } × { $weight }
part-rate = { $name } { $rate }/{ $unit } × { $factor } = { $year }

## allocation

allocation-what-weighted = { $metric } of individual targets, weighted by { $weights },
allocation-what-mean = mean { $metric } of individual targets
allocation-what-sum = sum of individual { $metric } targets
allocation-what-sum-per = sum of individual { $metric } targets per { $unit }
allocation-what-sum-year = sum of individual { $metric } targets a year
allocation-target-rate = { $year } ({ $rate }/{ $unit })
allocation-no-weight = ; no weight for { $names }: the plain mean is used
allocation-below = { $what } { $value } is { $gap } below the team target { $target } ({ $parts }){ $note }
allocation-above = { $what } { $value } is { $gap } above the team target { $target } ({ $parts }){ $note }
allocation-zero-target = the team target is { $target }, but the individual targets add up to { $value } ({ $parts }){ $note }
allocation-over = { $what } { $value } is { $share } above the team target { $target }, more than the allowed { $max } over-assignment ({ $parts }){ $note }
allocation-over-lower = { $what } { $value } is { $share } below the team target { $target }, more than the allowed { $max } over-assignment ({ $parts }){ $note }
allocation-help-raise = raise individual targets or lower the team target
allocation-help-lower = lower individual targets or raise the team target
allocation-help-zero = set the team target, or remove the individual targets
allocation-help-over = individual targets far beyond the team goal are not realistic; lower them or raise `allocation.max_over`
allocation-related = { $name }: { $value }
allocation-left-out = { $name }'s target is left out: it breaks the `ratio` rule
allocation-lost-seller = { $name }'s team `{ $team }` does not exist, so the targets are not counted here

## phasing

phasing-empty = the phasing of `{ $goal }` is empty; it needs Q1, Q2, Q3 and Q4
phasing-quarters = the phasing of `{ $goal }` names { $quarters }; it needs Q1, Q2, Q3 and Q4 once each
phasing-below = quarterly phasing { $terms } = { $total } is { $gap } below the annual target { $target }
phasing-above = quarterly phasing { $terms } = { $total } is { $gap } above the annual target { $target }
phasing-related-target = the annual target
phasing-help = make the quarters add up to the target
