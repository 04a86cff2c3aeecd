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

## measurable

measurable-goal = goal `{ $id }`
measurable-kpi = KPI `{ $id }`
measurable-no-target = { $what } has no numeric target
measurable-no-target-help = add `target:` with a number, or a percent like "25 %" for a ratio
measurable-no-per = { $what } counts { $metric } but says not per what: add `per: week` (or day, month, quarter, year)

## kpi-chain

kpi-chain-no-actions = KPI `{ $kpi }` has no actions (tiltak) that drive it
kpi-chain-no-actions-help = add `actions:` with what the seller will do
kpi-chain-unsupported = no KPI supports the goal `{ $goal }`
kpi-chain-unsupported-help = name it in a KPI's `supports: [{ $goal }]`

## history

history-a-year = {" "}a year
history-higher = { $metric } target { $target }{ $unit } is { $ratio }× the baseline { $baseline }, more than { $max }×
history-lower = { $metric } target { $target }{ $unit } is a { $ratio }× improvement on the baseline { $baseline } (lower is better: { $baseline } ÷ { $target }), more than { $max }×
history-help = set the KPI from last year's actuals, or accept the finding with the reason

## growth

growth-baseline = baseline
growth-starting-point = starting point
growth-from-zero = { $metric } target { $target } starts from a { $base } of 0: its growth cannot be measured
growth-over = { $metric } target { $target } is { $growth } over the { $base } { $baseline }, more than { $max }
growth-below = { $metric } target { $target } is { $drop } below the { $base } { $baseline }
growth-help = if something has changed (a new contract, a new area), accept the finding in salgsmal.yaml with the reason

## capacity

capacity-overbooked = activity KPIs take { $hours } hours a week, more than the { $available } available ({ $terms })
capacity-overbooked-help = fewer activities, or less time per activity (`activity_hours` in salgsmal.yaml)
capacity-customer-time = time with customers is { $hours } h of the { $week } h week ({ $share }), below the { $min } the method asks for
capacity-customer-time-help = plan more qualified meetings, visits or calls
capacity-term-week = { $metric } { $rate }/week × { $each } h = { $hours } h
capacity-term-day = { $metric } { $rate }/day × { $days } days × { $each } h = { $hours } h
capacity-term-month = { $metric } { $rate }/month × 12 ÷ { $weeks } weeks × { $each } h = { $hours } h
capacity-term-quarter = { $metric } { $rate }/quarter × 4 ÷ { $weeks } weeks × { $each } h = { $hours } h
capacity-term-year = { $metric } { $rate }/year ÷ { $weeks } weeks × { $each } h = { $hours } h

## funnel and pipeline-coverage

funnel-why-growth = revenue growth { $growth } over the baseline
funnel-why-new-business = new-customer and new-product revenue
funnel-missing-meetings = a qualified_meetings KPI
funnel-missing-closing = a closing_rate KPI or baseline
funnel-missing-m2o = assumptions.meeting_to_offer_rate
funnel-missing-deal = assumptions.average_deal_size
funnel-unchecked = the funnel cannot be checked: { $name } needs { $required } of new business, but the plan lacks { $missing }
funnel-unchecked-help = add the missing KPI or assumption to see whether the activities can deliver the goals
funnel-meetings-week = { $rate } meetings/week × { $weeks } weeks
funnel-meetings = { $rate } meetings/{ $unit } × { $factor }
funnel-short = { $meetings } × { $m2o } to offer × { $closing } closing × { $deal } = { $capacity } of new business a year, below the { $required } the goals need ({ $why })
funnel-short-help = plan more qualified meetings, raise the conversion, or lower the goals
pipeline-coverage-low = pipeline { $pipeline } × { $closing } closing = { $weighted } covers { $cover } of the { $required } new business required, less than { $min }
pipeline-coverage-help = build the pipeline: at this size it would have to turn over more often than is realistic

## fairness and potential

fairness-baseline = baseline
fairness-potential = potential
fairness-deviation = { $name }'s revenue target is { $ratio }× the { $basis }; the team's median is { $median }× ({ $deviation } away, more than { $max })
fairness-help = targets are distributed fairly when each seller is asked for a similar step from where they stand
potential-above = revenue target { $target } is above the customers' potential { $potential } + the new-customer target { $new } = { $reachable }
potential-help = raise the new-customer target, revisit the potentials, or lower the revenue target

## milestones

milestones-outside = { $milestone } is due { $deadline }, outside the plan period { $period }
milestones-order = { $milestone } ({ $deadline }) comes before { $previous } ({ $previous_deadline }) but is listed after it
milestones-order-help = list the milestones in date order
milestones-backwards = { $milestone } ({ $deadline }) { $metric } { $value } goes backwards from { $previous } ({ $previous_value })
milestones-backwards-help = each milestone moves further towards the main goal
milestones-phasing = { $milestone } { $metric } { $value } differs by { $gap } from the cumulative phasing { $expected } at { $deadline }, more than { $max }
milestones-phasing-help = make the milestone and the goal's phasing tell the same story
milestones-beyond = the last milestone's { $metric } { $value } passes the main goal's target { $target }
milestones-beyond-help = milestones lie between the starting point and the main goal

## alignment

alignment-of-product = {" "}of product { $product }
alignment-no-team-goal = goal `{ $goal }` ({ $metric }{ $product }) has no team goal in { $team } to serve
alignment-no-team-goal-help = add a team goal for { $metric } in { $file }, or make this a KPI
alignment-no-contribution = team goal `{ $goal }` ({ $metric }) has no seller or child team contributing a target
alignment-no-contribution-help = give the sellers goals or KPIs for this metric

## The customer platform

customers-key = key customers
customers-star = star customers
customers-question = question-mark customers
customers-phase-out-new = phase-out/new customers
bounds-between = between { $min } and { $max }
bounds-at-least = at least { $min }
bounds-at-most = at most { $max }
bounds-none = not set
bounds-short = { $gap } short
bounds-over = { $gap } over
bounds-met = met
portfolio-goals-shares = the minimum revenue shares add up to { $sum } ({ $parts }): they cannot all be met
portfolio-goals-shares-help = lower the minimum shares so that they add up to 100 % or less
portfolio-goals-contradiction = the { $field } goal for { $category } asks for at least { $min } and at most { $max }: it cannot be met
portfolio-goals-contradiction-help = make the minimum the smaller of the two
portfolio-goals-status = { $sentence }; the goal is { $bounds }: { $gap }
portfolio-goals-share = { $who } bring { $share } of revenue
portfolio-goals-margin = { $who } have a contribution margin of { $margin }
portfolio-goals-growth = { $who } are planned to grow { $growth }
portfolio-goals-prospects = the customer lists hold { $count ->
        [one] { $count } prospect
       *[other] { $count } prospects
    }
portfolio-goals-new-revenue = the new-customer revenue target is { $target }
portfolio-category = { $customer } is declared { $declared } but its numbers make it { $computed } ({ $why })
portfolio-category-help = update the category, or the customer's revenue and margin
portfolio-category-prospect = a prospect is a new customer
portfolio-category-small = revenue { $revenue } is below the large-customer threshold { $threshold }
portfolio-category-no-revenue = no customer has revenue yet
portfolio-category-high-margin = revenue { $revenue } is large, and margin { $margin } is at or above the high-margin threshold { $threshold }
portfolio-category-low-margin = revenue { $revenue } is large, and margin { $margin } is below the high-margin threshold { $threshold }
phase-out-target = { $customer } is a phase-out customer (contribution { $contribution }) but { $what }
phase-out-target-revenue = its revenue target { $target } plans growth from { $revenue }
phase-out-target-growth = it has a growth target of { $growth }
phase-out-target-help = phase the relation out, make it profitable first, or update the customer's numbers
key-customer-activity = { $customer } is a key customer with no planned activity (no activity target such as customer_visits)
key-customer-activity-help = add e.g. `target: {"{"}customer_visits: 12{"}"}` to the customer
customer-owner-two = customer `{ $customer }` belongs to { $owner } in { $file } and to { $here } here
customer-owner-related = owned by { $owner }
customer-owner-help = give the customer one owner

## The summary line of `check`

summary-failed = check failed
summary-passed = check passed
summary-counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
summary-counts-accepted = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    }, { $accepted } accepted in { $files ->
        [one] 1 file
       *[other] { $files } files
    }

## Suggestions and the rule runner

suggest-did-you-mean = did you mean `{ $word }`?
suggest-known = known: { $known }
suggest-known-more = known: { $known }, …
suggest-none = there are none yet
rule-failed = the rule `{ $rule }` could not finish (a bug: please report it with the plan)
rule-failed-help = the other rules ran; this rule's findings are missing
or = { $a } or { $b }
code = `{ $text }`

## unknown-reference

unknown-reference-team = team `{ $team }` does not exist
unknown-reference-parent = parent team `{ $parent }` does not exist
unknown-reference-parent-loop = the parent chain loops: { $chain }
unknown-reference-parent-loop-help = a team cannot roll up into itself
unknown-reference-owner = owner `{ $owner }` is not a seller
unknown-reference-list-no-owner = the list has no `owner`, and its file name `{ $file }` is not a seller id
unknown-reference-list-no-owner-help = add `owner: <seller id>` or name the file after the seller
unknown-reference-customer-no-owner = customer `{ $customer }` has no owner, and the file name `{ $file }` is not a seller id
unknown-reference-customer-no-owner-help = fill in the customer's owner
unknown-reference-seller = seller `{ $seller }` does not exist
unknown-reference-metric = metric `{ $metric }` does not exist
unknown-reference-metric-help = { $suggestion } (custom metrics go under `metrics` in salgsmal.yaml)
unknown-reference-product = product `{ $product }` is not in the catalogue
unknown-reference-product-help = { $suggestion } (products are listed under `products` in salgsmal.yaml)
unknown-reference-no-product = goal `{ $goal }` measures product_revenue but names no `product`
unknown-reference-no-product-help = add `product: <id>` from `products` in salgsmal.yaml
unknown-reference-supports = `{ $id }` supports goal `{ $goal }`, which is not a result goal in this file
unknown-reference-rule = rule `{ $rule }` does not exist
unknown-reference-structural-level = `{ $rule }` is a structure rule: its level cannot be changed
unknown-reference-structural-level-help = fix the file instead; structure rules are never off
unknown-reference-param-not-positive = `{ $rule }.{ $param }` must be above 0; the default applies
unknown-reference-param-not-positive-help = `salgsmal explain { $rule }` shows what it means
unknown-reference-param = rule `{ $rule }` has no parameter `{ $param }`
unknown-reference-no-weight = metric `{ $metric }` rolls up by weighted_mean but names no `weight`
unknown-reference-no-weight-help = add `weight: <metric>`, e.g. `weight: revenue`
unknown-reference-weight = weight metric `{ $weight }` does not exist

## duplicate-id

duplicate-id-within = id `{ $id }` is used twice in this file (first at line { $line })
duplicate-id-within-help = give each one its own id
duplicate-id-first = first used here
duplicate-id-team = team id `{ $id }` is already used in { $file }
duplicate-id-team-help = every team needs its own id
duplicate-id-seller = seller id `{ $id }` is already used in { $file }
duplicate-id-seller-help = every seller needs its own id
duplicate-id-customer = customer id `{ $id }` is already used in { $file }
duplicate-id-customer-help = every customer needs its own id
duplicate-id-metric = metric `{ $metric }` is already defined (built in or earlier in the list)
duplicate-id-metric-help = give the custom metric its own id

## period

period-help = the plan period is { $period } ({ $start } to { $end })
period-starting-point = the starting point is dated { $date }, after the plan period { $period } begins ({ $start })
period-starting-point-help = the starting point (startpunkt) is where the team stands before the period: date it at or before its start
period-main-goal = the main goal's deadline { $deadline } lies outside the plan period { $period }
period-strategy-action = action due { $due } lies outside the plan period { $period }
period-action = action "{ $action }" is due { $due }, outside the plan period { $period }
period-actuals = actuals for { $actuals } lie outside the plan period { $period }
period-as-of = as_of { $as_of } lies outside the actuals' period { $period } ({ $start } to { $end })
period-file-name = the file is named `{ $file }` but holds actuals for { $period }
period-file-name-help = name the file actuals/{ $period }.yaml

## ratio

ratio-above-one = { $what } is a ratio, and { $value } is above 1: did you mean "{ $written } %"? (write 0.25 or "25 %")
ratio-amount-percent = { $metric } is an amount, not a percent: a percent string makes no sense here
ratio-amount-percent-help = write the amount as a number, e.g. 10_000_000

## accept

accept-in-file = {" "}in { $file }
accept-no-file = accepts findings in { $file }, which is not a file of the plan
accept-no-file-help = write the path relative to the plan folder, e.g. sellers/kari.yaml
accept-error = { $rule } is an error{ $where }; errors cannot be accepted
accept-error-help = fix the plan; only warnings and infos can be accepted
accept-expired = the acceptance of { $rule }{ $where } ran out on { $until }: the finding counts again
accept-expired-help = fix the finding, or agree on a new date and reason
accept-nothing = accepts nothing: there is no { $rule } finding{ $where } any more
accept-nothing-help = remove the entry

## Reading the files

file-too-large = the file is { $size } bytes; files over { $max } bytes are not read
file-too-large-help = split the file, or raise `limits.max_file_bytes` in salgsmal.yaml
file-not-utf8 = the file is not valid UTF-8 (byte 0x{ $byte } at byte offset { $offset })
file-not-utf8-help = save the file as UTF-8
yaml-syntax-error = the file is not valid YAML: { $detail }
yaml-second-document = a plan file holds one YAML document; this second one is not read
yaml-too-deep = nesting is deeper than { $max } levels; the file is not read further
yaml-unknown-anchor = alias refers to an unknown anchor
yaml-alias-bomb = aliases expand this file by more than { $max } nodes (an alias bomb?); the file is not read further
duplicate-key = key `{ $key }` is repeated in this mapping (first written at line { $line }); the first value is used
duplicate-key-first = first written here
duplicate-key-help = remove one of the two entries
csv-unclosed-quote = a quoted cell is never closed (a `"` is missing)
csv-text-after-quote = text after a quoted cell's closing `"`: quote the whole cell, and write a quote inside it as `""`
csv-quote-in-cell = a `"` inside an unquoted cell: quote the whole cell
csv-column-twice = column `{ $column }` is named twice; the second one is not read
csv-row-length = this row has { $cells ->
        [one] { $cells } cell
       *[other] { $cells } cells
    }, but the header names { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    }; the row is not read
csv-unknown-column = unknown column `{ $column }`
csv-unknown-column-suggest = unknown column `{ $column }`: did you mean `{ $suggestion }`?
csv-columns-help = the columns are: { $columns }
csv-missing-column = the header has no { $columns } column
csv-actuals-row = a row of actuals needs a seller, a metric and a value
csv-duplicate-row = { $seller } has a second `{ $metric }` row (first at line { $line }); the first is used
schema-empty-file = the file is empty: a { $kind } file is a mapping of keys
schema-empty-file-help = run `salgsmal schema` to see what the file holds, or delete it
schema-unreadable = the value cannot be read: { $detail }
schema-out-of-range = number { $text } is out of range
schema-not-a-word = expected one of the listed words
schema-file-name-not-id = the file name `{ $name }` is not an id: ids are lowercase kebab-case (a-z, 0-9 and -)
schema-file-name-not-id-help = rename the file, e.g. `kari-nordmann.yaml`
schema-id-differs = id `{ $id }` differs from the file name `{ $name }`
schema-id-differs-help = rename the file to { $id }.yaml or remove `id`

## schema

schema-key-not-word = a key must be a plain word, not a mapping or a list
schema-bad-number = `{ $text }` is not a number a plan can hold (too large, infinite or not a number)
schema-in = in { $what }
schema-in-here = in here
schema-unknown-key = unknown key `{ $key }` { $where }
schema-unknown-key-suggest = unknown key `{ $key }` { $where }: did you mean `{ $suggestion }`?
schema-allowed-keys = allowed keys: { $keys }
schema-this-mapping = this mapping
schema-missing-key = { $what } is missing the required key `{ $key }`
schema-key-description = `{ $key }`: { $description }
schema-expected = expected { $expected }, found { $found }
schema-not-valid = { $found } is not valid here
schema-not-one-of = `{ $given }` is not one of: { $words }
schema-not-one-of-suggest = `{ $given }` is not one of: { $words } (did you mean `{ $suggestion }`?)
schema-below-minimum = { $found } is less than the minimum of { $limit }
schema-at-or-below-minimum = { $found } is less than or equal to the minimum of { $limit }
schema-above-maximum = { $found } is greater than the maximum of { $limit }
schema-at-or-above-maximum = { $found } is greater than or equal to the maximum of { $limit }
schema-too-short = the text is shorter than { $limit ->
        [one] { $limit } character
       *[other] { $limit } characters
    }
schema-too-few-items = the list has fewer than { $limit ->
        [one] { $limit } item
       *[other] { $limit } items
    }
schema-too-many-items = the list has more than { $limit ->
        [one] { $limit } item
       *[other] { $limit } items
    }
schema-invalid = the schema rejects this value: { $detail }
schema-quoted = "{ $text }"
schema-nothing = nothing
schema-a-list = a list
schema-a-mapping = a mapping
schema-text = text
schema-a-whole-number = a whole number
schema-a-number = a number
schema-true-or-false = true or false
schema-title-actuals = Actuals
schema-title-customer-list = Customer list
schema-title-seller = Seller
schema-title-team = Team
schema-title-custom-metric = a custom metric
schema-title-customer = a customer
schema-title-date = a date YYYY-MM-DD
schema-title-goal = a goal
schema-title-id = a lowercase kebab-case id (a-z, 0-9 and -, like `salg-vest`)
schema-title-milestone = a milestone
schema-title-quantity = a number (10_000_000, 0.25) or a percent string such as "25 %"
schema-title-period = a period: a year 2027, a quarter 2027-Q1 or a month 2027-03
schema-title-product = a product
schema-title-ratio = a ratio: a decimal from 0 to 1 such as 0.25, or a percent string such as "25 %"
schema-title-rule-settings = a rule's settings
schema-title-metric-name = a snake_case metric name (like `revenue` or `qualified_meetings`)
schema-title-strategic-choice = a strategic choice
schema-title-value-or-bounds = a value or {"{"}min, max{"}"}
schema-title-currency = an ISO 4217 currency code such as NOK
schema-title-accepted = an accepted finding
schema-title-action-or-sentence = an action (tiltak): a sentence, or {"{"}do, due, status{"}"}
schema-title-action = an action
schema-title-amount = an amount (a number such as 10_000_000 or 1.0e7)
schema-title-bounds = bounds
schema-title-category-goals = category goals
schema-title-labels = labels
schema-title-potential = low, medium, high or an amount
schema-title-level = one of off, info, warning, error (or false)
schema-title-config = salgsmal.yaml
schema-title-allocation = the allocation settings
schema-title-assumptions = the assumptions
schema-title-competence = the competence plan
schema-title-limits = the limits
schema-title-main-goal = the main goal
schema-title-portfolio-goals = the portfolio goals
schema-title-portfolio-thresholds = the portfolio thresholds
schema-title-starting-point = the starting point
schema-title-values = values per metric
