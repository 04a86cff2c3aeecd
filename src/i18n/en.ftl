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
gap-point = { $points } point
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

## off-track

off-track-flow = { $metric } to date { $actual } of { $to_date } target to date ({ $basis }) = { $attainment }; year-end forecast { $actual } ÷ { $share } of the year = { $forecast } against { $annual }, { $verdict }
off-track-level = { $metric } to date { $actual } ({ $source }) against the target { $target } = { $attainment } of it, { $verdict }
off-track-team = { $finding } (sellers reported: { $reported } of { $of })
off-track-team-part = { $finding } (sellers who reported: { $reported } of { $of }; { $annual } is their part of the team target { $target })
off-track-source-sums = { $num } { $num_metric } ÷ { $den } { $den_metric }
off-track-source-latest = latest reported
off-track-basis-quarters = { $quarters } by phasing
off-track-basis-part = { $part } by phasing
off-track-basis-phasing = { $quarters } and { $part } by phasing
off-track-basis-days = { $days } of { $quarter_days } working days of { $quarter }
off-track-basis-pro-rata = { $days } of { $year_days } working days pro rata
off-track-below = below { $threshold }
off-track-short = short of the target
off-track-over = over the target
off-track-over-limit = over the target ÷ { $threshold }

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
unknown-reference-customer = customer `{ $customer }` is in no customer list
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
period-actuals = actuals for { $actuals } lie outside the plan period { $period } and the year before it (last year's actuals are the baseline)
period-as-of = as_of { $as_of } lies outside the actuals' period { $period } ({ $start } to { $end })
period-file-name = the file is named `{ $file }` but holds actuals for { $period }
period-file-name-help = name the file actuals/{ $period }.yaml
period-actuals-overlap = actuals for { $seller } in { $period } overlap those in { $other } ({ $file }); the first file counts
period-actuals-overlap-related = { $seller }'s actuals for { $other }
period-actuals-overlap-help = report each month once: in a month file or in a quarter file, not both

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

file-too-large = the file has more than { $max } bytes; files over { $max } bytes are not read
file-too-large-help = split the file; the limit is set by whoever runs the tool (SALGSMAL_MAX_FILE_BYTES), and `limits.max_file_bytes` in salgsmal.yaml can only lower it
file-outside-root = { $path } is a link to a place outside the plan's folder; it is not followed
folder-outside-root = the folder { $path } is a link to a place outside the plan's folder; it is not followed
file-link-broken = { $path } is a link that leads nowhere (or to itself); it is not read
file-not-regular = { $path } is not a regular file (a folder, a pipe or a device); it is not read
file-refused-help = plan files are regular files inside the plan's folder: copy the file in, or remove the link
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
csv-unknown-columns-more = { $count ->
        [one] { $count } more unknown column
       *[other] { $count } more unknown columns
    } ({ $columns }, …)
csv-unknown-column = unknown column `{ $column }`
csv-unknown-column-suggest = unknown column `{ $column }`: did you mean `{ $suggestion }`?
csv-columns-help = the columns are: { $columns }
csv-missing-column = the header has no { $columns } column
csv-actuals-row = a row of actuals needs a seller, a metric and a value
csv-duplicate-row = { $seller } has a second `{ $metric }` row (first at line { $line }); the first is used
csv-duplicate-customer-row = customer `{ $customer }` has a second row (first at line { $line }); the first is used
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
schema-unknown-keys-more = { $count ->
        [one] { $count } more unknown key
       *[other] { $count } more unknown keys
    } { $where } ({ $keys }, …)
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
schema-title-grouped = a number with `_` between its digit groups (10_000_000), as YAML 1.2 editors read it: text
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
schema-title-import = the import settings
schema-title-limits = the limits
schema-title-main-goal = the main goal
schema-title-portfolio-goals = the portfolio goals
schema-title-portfolio-thresholds = the portfolio thresholds
schema-title-starting-point = the starting point
schema-title-values = values per metric

## The rules: what each checks, and the principle of the method behind it
## (`explain`, SARIF). Ids: rule-<id>-summary, rule-<id>-principle,
## rule-<id>-param-<name>.

rule-yaml-syntax-summary =
    A file is not valid YAML, is not UTF-8, is too large, nests deeper than 128
    levels, or grows by more than 100 000 nodes through aliases (an alias bomb). The
    position comes from the parser.
rule-yaml-syntax-principle =
    Goals must be measurable: a file the tool cannot read holds no goal anyone can
    check. The limits keep a malicious or broken file (an alias bomb) from taking
    the check down.

rule-schema-summary =
    A file breaks its JSON Schema: a wrong type, a missing required key, an unknown
    key (with a did-you-mean suggestion), a malformed id, date or period, or an `id`
    that differs from the file name. `salgsmal schema` prints the schemas.
rule-schema-principle =
    Goals must be measurable and unambiguous. A misspelt key (`targt`) would
    otherwise silently drop a target from every sum.

rule-duplicate-key-summary =
    A mapping repeats a key. The first value is used and the repeat is reported with
    the place the key was first written.
rule-duplicate-key-principle =
    A number changed in a pull request must be the number the tool reads: with two
    `target:` keys, the reviewer and the tool could see different targets.

rule-csv-syntax-summary =
    A CSV file (a customer list or actuals) cannot be read: a quote that is never
    closed, a quote inside an unquoted cell, a column named twice, a row with more
    or fewer cells than the header names (each such row is reported and left out;
    the others are read), or a row of actuals without seller, metric or value. The
    header's separator decides the decimal mark: `,` separates and `.` is the
    decimal mark; `;` or a tab separates and `,` is the decimal mark (spaces may
    group digits).
rule-csv-syntax-principle =
    Customer lists often come from a spreadsheet or a CRM export: a broken row must
    point at its line and cell, not silently shift every column after it.

rule-duplicate-id-summary =
    Two goals or KPIs of one file, two milestones of a team, two teams, two sellers,
    two products, two custom metrics, or two customers of the same owner share an
    id.
rule-duplicate-id-principle =
    Goals are evaluated continuously and discussed by name: an id must point at
    exactly one goal, or a KPI's `supports` and a report's roll-up could count the
    wrong one.

rule-unknown-reference-summary =
    A name that must exist does not: a seller's `team`, a team's `parent` (or a
    parent chain that loops), a KPI's `supports`, a customer list's `owner`, a
    `product`, a seller or team in actuals, a metric name, a rule or rule parameter
    in `salgsmal.yaml`. Each comes with a did-you-mean suggestion.
rule-unknown-reference-principle =
    Individual goals must agree with the team's goals, and every KPI must drive a
    result goal: a reference that points nowhere breaks the chain from team goal to
    seller to action.

rule-period-summary =
    A date or period falls outside the plan period of `salgsmal.yaml`: a team's
    starting point dated after the period's start, a main goal's deadline or an
    action's due date outside the period, an actuals file whose period lies outside
    the plan period, whose `as_of` lies outside its own period, or whose file name
    is not its period.
rule-period-principle =
    Work backwards from the goal: the starting point is where we stand before the
    year begins, and the main goal is reached within the year. A date outside the
    period puts a goal on a different plan.

rule-ratio-summary =
    A ratio (contribution margin, closing rate, KTI, …) is written as a number above
    1 (`target: 25` where `0.25` or "25 %" was meant), or an amount or count is
    written as a percent string. Ratios are decimals from 0 to 1 or percent strings.
rule-ratio-principle =
    Goals must be measurable: 25 read as 2 500 % would pass every check that
    compares with it and fail every report.

rule-allocation-summary =
    For each team goal whose metric adds up (revenue, contribution, new-customer
    revenue, product revenue per product, activities) or is a weighted mean
    (contribution margin weighted by revenue targets, closing rate by offers, KTI by
    revenue …), the roll-up of the sellers' and child teams' targets — from their
    goals and KPIs alike — is compared with the team target. Below it (above it, for
    a lower-is-better metric such as churn): error. More than `max_over` above it:
    warning, the team is over-assigned. Rates are converted to the team goal's `per`
    before they are added. The message lists every contribution, and for weighted
    metrics the weights.
rule-allocation-principle =
    From team goals to individual goals: the team goal is only reached if the
    individual goals add up to it. Assigning much more than the team goal makes
    individual goals unrealistic and unfair; the team file's `allocation.max_over`
    says how much is allowed.
rule-allocation-param-max_over =
    How far the roll-up may exceed the team target before it is a warning; a team's
    own `allocation.max_over` takes precedence.

rule-phasing-summary =
    The quarterly phasing of a goal whose metric adds up (money, counts) must sum to
    its annual target, exactly up to 1 currency unit of rounding, and name all four
    quarters.
rule-phasing-principle =
    Goals are evaluated continuously: a quarter-by-quarter plan that does not add up
    to the year makes every quarterly review compare with the wrong number.

rule-milestones-summary =
    A team's milestones (delmål) must be in date order and inside the plan period;
    per metric their values must move steadily from the starting point towards the
    main goal (values of money and count metrics are cumulative for the year) and
    the last may not pass the main goal's target: error. A milestone more than
    `max_gap` away from the cumulative quarterly phasing of the same metric at its
    deadline: warning.
rule-milestones-principle =
    Work backwards from the goal: hovedmål ← delmål 3 ← delmål 2 ← delmål 1 ←
    startpunkt. Milestones that go backwards, overshoot the goal or contradict the
    phasing are not a path anyone can follow.
rule-milestones-param-max_gap =
    How far a milestone may differ from the cumulative phasing, as a share of the
    phasing's value.

rule-growth-summary =
    A money or count target that grows more than `max` over the seller's baseline
    (last year's actuals) or the team's starting point for the same metric: warning.
    A revenue target below the baseline: info.
rule-growth-principle =
    Goals must be realistic: growth far beyond where the seller stands is a wish,
    not a goal, unless something has changed — then accept the finding with the
    reason.
rule-growth-param-max =
    The largest growth over the baseline before a warning (0.30 = 30 %).

rule-funnel-summary =
    The activity KPIs cannot produce the new business the goals need. Capacity =
    qualified meetings per week × working weeks × meeting-to-offer rate × closing
    rate × average deal size (from the seller's KPIs and `assumptions`; the closing
    rate falls back to the baseline). New business required = new-customer revenue +
    product revenue of new products, or revenue target − baseline revenue when that
    is larger. The message prints the whole product; a funnel missing an input is an
    info naming it.
rule-funnel-principle =
    RESULT = qualify × quantity × quality: the result goals are reached through the
    number of sales activities and how well they convert. A revenue goal with too
    few meetings behind it is not realistic.

rule-pipeline-coverage-summary =
    Pipeline value × closing rate covers less than `min` of the yearly new business
    required (the pipeline would have to turn over more than 1/min times a year).
rule-pipeline-coverage-principle =
    Quantity and quality: the pipeline (count and value) is the KPI that shows early
    whether the result goals can be reached.
rule-pipeline-coverage-param-min =
    The smallest share of the yearly new business the weighted pipeline must cover.

rule-capacity-summary =
    The activity KPIs of a seller (each rate converted to a week × its
    `activity_hours`) take more hours than `hours_per_week`: error. The
    customer-facing share (qualified meetings, visits, calls) of the working week is
    below `min`: warning. The message shows each activity's rate × hours.
rule-capacity-principle =
    Quantity: a seller should spend at least 40–60 % of the working time face to
    face or on the phone with customers, and an activity plan that does not fit in
    the week is not a plan.
rule-capacity-param-min =
    The smallest share of the working week spent with customers.

rule-history-summary =
    A KPI target more than `max_ratio` times the seller's baseline for the same
    metric (for a lower-is-better metric: the baseline more than `max_ratio` times
    the target). An activity's baseline is last year's total, so its KPI is compared
    as a yearly count (10 a week over 44 weeks is 440). A 75 % closing rate against
    last year's 55 % is 1.36×: fine; against 40 % it is 1.88×: warned.
rule-history-principle =
    Goals must be realistic and results are used for learning: last year's actuals
    are the best evidence of what a seller can do.
rule-history-param-max_ratio =
    How many times the baseline a KPI target may be.

rule-measurable-summary =
    A goal or KPI without a numeric `target`, or an activity KPI (meetings, visits,
    calls, offers, campaigns, exhibitions) without `per` (day, week, month, quarter,
    year).
rule-measurable-principle =
    Goals are realistic and measurable: "more meetings" cannot be followed up; "10
    qualified meetings per week" can.

rule-kpi-chain-summary =
    A KPI without actions (tiltak): warning. A result goal that no KPI `supports`:
    info.
rule-kpi-chain-principle =
    The individual steering platform reads goal → KPI → actions: each KPI drives a
    result goal, and each KPI has the concrete actions that move it.

rule-alignment-summary =
    An individual result goal whose metric (and product) has no team goal in the
    seller's team, or a team goal that no seller or child team contributes a target
    to.
rule-alignment-principle =
    Goals agree with the company's short- and long-term goals: every individual goal
    should serve a team goal, and every team goal should be carried by someone.

rule-fairness-summary =
    Within a team of at least three sellers, a seller whose revenue
    target-to-baseline ratio (or target-to-potential, where every customer of the
    team has its potential as an amount) deviates from the team's median ratio by
    more than `max_deviation` of that median.
rule-fairness-principle =
    Goals are distributed fairly between the sellers: one seller asked to grow far
    more (or far less) than the rest of the team is a matter for the goal
    conversation.
rule-fairness-param-max_deviation =
    How far a seller's ratio may lie from the team's median, as a share of it.

rule-customer-owner-summary =
    The same customer id appears under two different owners (two sellers' lists, or
    two `owner` values in a CSV).
rule-customer-owner-principle =
    Goals are owned: a customer with two responsible sellers is counted twice in the
    portfolio and in both sellers' potential, and nobody quite owns the
    relationship.

rule-portfolio-category-summary =
    A customer's declared `category` differs from the one its revenue, margin and
    sales cost give under the portfolio thresholds (configured under `portfolio:` in
    salgsmal.yaml, or the defaults: Pareto 80 % for large, the revenue-weighted mean
    margin, 0.5 % of the total contribution).
rule-portfolio-category-principle =
    Categorise and prioritise customers: the strategy for a customer follows its
    place in the portfolio, so the place should follow from the numbers.

rule-portfolio-goals-summary =
    A team's `portfolio_goals` per category (revenue share min/max, margin, growth,
    new customers and their revenue) against the current portfolio of its sellers'
    customers: the current value and the gap (info). Minimum revenue shares that add
    up to more than 100 % cannot all be met: error.
rule-portfolio-goals-principle =
    Goals for the desired customer platform: each category has its strategy and its
    own goals (share of revenue for key and star customers, profitability, growth in
    development customers, the number and value of new customers).

rule-potential-summary =
    A seller's revenue target is above the sum of the potential of the seller's
    customers plus the seller's new-customer revenue target. Checked where every
    customer of the seller has its potential as an amount.
rule-potential-principle =
    Goals are realistic: a revenue target the customer base cannot buy must come
    from new customers, and then the new-customer target should say so.

rule-phase-out-target-summary =
    A customer (not a prospect) classified phase_out_new whose `target` plans
    growth: a revenue target above its revenue, or a positive
    existing_customer_growth.
rule-phase-out-target-principle =
    Each category has its strategy: unprofitable relations are to be phased out, so
    growing one contradicts the customer strategy (or its numbers are out of date).

rule-key-customer-activity-summary =
    Where the plan ties activities to customers (some customer has a `target` for an
    activity metric such as customer_visits or qualified_meetings), a key customer
    without any planned activity.
rule-key-customer-activity-principle =
    Take care of the key customers: the largest, most profitable relationships are
    the last ones to leave without planned contact.

rule-off-track-summary =
    With actuals: a goal whose year-end forecast is below `at_risk` of its annual
    target (warning), or between `at_risk` and the target (info); reversed for
    lower-is-better metrics. The forecast is the actual to date ÷ the target-to-date
    share of the year (the goal's phasing, else pro rata by working days), as of the latest
    `as_of`; ratios come from their sums.
rule-off-track-principle =
    Goals are followed up continuously: a plan that only is checked at year end
    cannot be steered. Measuring against the target to date shows early where the
    course must change, while there is still time to act.
rule-off-track-param-at_risk =
    The share of the annual target below which a forecast is off track (0.90 = 90 %);
    from there up to the target it is at risk.

rule-accept-summary =
    An `accept:` entry in salgsmal.yaml that can no longer be honoured: its `until`
    date has passed (the finding counts again), or it names an error (errors cannot
    be accepted). An entry that matches no finding any more is an info, so stale
    entries get cleaned up.
rule-accept-principle =
    Goals are evaluated continuously: an exception the team agreed to is written
    down with its reason, shown in the reports, and expires, so it is discussed
    again.

## explain

explain-list = rules:
explain-title = { $rule } ({ $level } by default)
explain-title-structural = { $rule } ({ $level } by default; a structure rule, never off)
explain-what = What it checks:
explain-why = Why (the method):
explain-params = Parameters:
explain-none = none
explain-settings = Settings in salgsmal.yaml:
explain-levels = level is { $levels }.
explain-example = Example:

## watch

watch-start = watching { $root } (Ctrl-C stops)
watch-stopped = stopped watching
watch-changed = { $files } changed
watch-new = { $count } new
watch-resolved = { $count } resolved
watch-rendered = rendered { $count ->
        [one] { $count } report
       *[other] { $count } reports
    } into { $dir }
watch-write-failed = cannot write the reports: { $error }
watch-template-failed = { $error } (the previous reports are kept)
watch-plan-gone = { $root } is gone; waiting for the folder to come back
watch-config-gone = { $root } has no salgsmal.yaml any more; waiting for it to come back
watch-back = the plan is back

## import

render-bad-period = `{ $period }` is not a month (2027-03), a quarter (2027-Q1) or a year (2027)
import-row-error = error
import-row-skipped = skipped
import-bad-period = `{ $period }` is not a month (2027-03) or a quarter (2027-Q1)
import-period-outside = { $period } is outside the plan year { $year }
import-not-a-folder = { $path } in the plan is not a folder
import-exists = { $path } already exists; add --force to replace it
import-overlap = { $path } already holds the actuals for { $other }, which overlaps { $period }
import-unknown-metric = `import.metrics` in salgsmal.yaml names `{ $metric }`, which is not a metric of the plan
import-read-failed = cannot read { $path }: { $error }
import-too-large = { $path } is larger than { $max } bytes
import-write-failed = cannot write { $path }: { $error }
import-no-seller-column = the header has no seller column `{ $column }` (the columns are: { $columns }); set `import.seller` in salgsmal.yaml
import-no-metric-column = the header has no column `{ $column }` for { $metric } (the columns are: { $columns })
import-no-metric-columns = the header has no column to import (the columns are: { $columns }): name the columns like metric ids (revenue, offers), or map them in `import.metrics` in salgsmal.yaml
import-unknown-seller = no seller has the id, email or name `{ $name }`
import-ambiguous-seller = `{ $name }` could be more than one seller ({ $ids })
import-no-seller = the row names no seller
import-bad-number = `{ $text }` in column { $column } is not a number
import-missing-cell = the row has no cell for column { $column }
import-not-additive = { $seller } has a second row with { $metric }, which cannot be added up (first at line { $line })
import-not-a-ratio = `{ $text }` is above 1, and { $metric } is a ratio: write 0,24 or 24 %
import-nothing-written = nothing was written (--skip-bad-rows writes the rows that can be read)
import-no-rows = { $file } has no rows to import; nothing was written
import-wrote = wrote { $path }: { $sellers ->
        [one] { $sellers } seller
       *[other] { $sellers } sellers
    } from { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }
import-seller-rows = { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }
import-no-customer-column = the header has no customer column `{ $column }` (the columns are: { $columns })
import-unknown-customer = no customer has the id or name `{ $name }`
import-ambiguous-customer = `{ $name }` could be more than one customer ({ $ids })
import-customers = { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    } with revenue and contribution
import-skipped = skipped { $count ->
        [one] { $count } row
       *[other] { $count } rows
    }

## import plan and export (spreadsheets)
xlsx-note = note
xlsx-nothing-written = nothing was written
xlsx-not-a-workbook = not an .xlsx workbook ({ $error })
xlsx-unpacked-too-large = the workbook unpacks to { $bytes } bytes, more than { $max }
xlsx-too-many-cells = sheet { $sheet } has more than { $max } cells
xlsx-empty-workbook = the workbook has no cells
xlsx-empty-sheet = the sheet is empty: its first row must name the columns
xlsx-duplicate-column = column `{ $column }` holds the same as column { $first }
xlsx-column-ignored = column `{ $column }` is not a field or a metric; not imported
xlsx-bad-number = `{ $text }` is not a number
xlsx-too-large = { $text } is too large: plan values lie within ±10^15
xlsx-date-not-number = a date where a number belongs
xlsx-date-not-text = a date where a name or an id belongs
xlsx-error-cell = the cell holds the error { $error }
xlsx-uncomputed = a formula whose value the workbook does not hold: open and save it in a spreadsheet program, or type the number
xlsx-negative = { $text } is negative
xlsx-bad-period = `{ $text }` is not a plan year like 2027
xlsx-no-period = the workbook names no plan year: add --period 2027 (or a row `Periode` on a sheet `Om planen`)
xlsx-no-seller-column = the header has no seller column (Selger/Seller or Navn/Name)
xlsx-no-target-column = the header has no target column (a metric like Omsetning/Revenue, or Mål/Target)
xlsx-no-team-column = no Team column: every seller goes into team `{ $team }`
xlsx-no-per = a target of { $metric } is a rate: say per what in the header (`… per uke`, `… per week`)
xlsx-no-seller = the row has targets but no seller
xlsx-duplicate-seller = a second row for seller `{ $id }` (the first is { $first })
xlsx-bad-id = `{ $text }` gives no id (letters or digits)
xlsx-no-sellers = the sheet has no sellers
xlsx-duplicate-team = a second row for team `{ $id }`
xlsx-no-team-sheet = no sheet Team/Teams: the teams have no goals, and check will say so; add them to teams/
xlsx-no-team-goals = team `{ $team }` has no goals: add them to teams/{ $team }.yaml (the allocation rule compares the sellers' targets with them)
xlsx-no-owner = customer `{ $customer }` has no seller
xlsx-duplicate-customer = a second row for customer `{ $id }` (the first at { $first })
xlsx-bad-potential = `{ $text }` is not a potential (low, medium, high or an amount)
xlsx-quarter-without-target = a quarter of the phasing of { $metric } without a column for its target
import-plan-exists = { $path } already holds { $files }; import plan writes nothing over existing files
import-plan-wrote = wrote a plan in { $path }: { $sellers ->
        [one] { $sellers } seller
       *[other] { $sellers } sellers
    }, { $teams ->
        [one] { $teams } team
       *[other] { $teams } teams
    }, { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }
import-plan-next = next: salgsmal check { $path }
export-failed = cannot make the workbook: { $error }
export-is-a-folder = { $path } is a folder; name the workbook file
export-goal-left-out = { $file }: `{ $goal }` has the metric of `{ $first }` (and its product and per); the workbook has a column a metric and holds only `{ $first }`
export-wrote = wrote { $path }: { $sellers ->
        [one] { $sellers } seller
       *[other] { $sellers } sellers
    }, { $teams ->
        [one] { $teams } team
       *[other] { $teams } teams
    }, { $findings ->
        [one] { $findings } finding
       *[other] { $findings } findings
    }

## starting-point

starting-point-sum = the starting point's { $metric } { $start } differs by { $gap } from the sum of the sellers' baselines { $value } ({ $parts }){ $missing }
starting-point-weighted = the starting point's { $metric } { $start } differs by { $gap } from the sellers' baselines weighted by their baseline revenue { $value } ({ $parts }){ $missing }
starting-point-missing = ; no baseline for { $names }
starting-point-help = the starting point (startpunkt) is where the team stands, and the sellers' baselines are where each of them stands: make them tell the same story
starting-point-last-year = { $name }'s baseline { $metric } is written { $written }, but last year's actuals give { $actual } (a gap of { $gap }; { $files }): the actuals are used
starting-point-last-year-related = { $name } in last year's latest actuals file
starting-point-last-year-help = where last year's actuals are in the plan, they are the baseline: correct `baseline` or remove it
rule-starting-point-summary =
    A team's starting point (`starting_point.values`) differs from the roll-up of its
    sellers' baselines (child teams' sellers included): the sum for amounts and
    counts, the mean weighted by baseline revenue (offers, for a closing rate) for
    ratios. The message shows each seller's baseline and names sellers without one.
rule-starting-point-principle =
    Work backwards from the goal, starting from where we stand: a team's starting
    point and its sellers' starting points describe the same year, and a plan built
    on two different pictures of it is not realistic.

## ownership
ownership-no-history = `ownership` is on, but the plan is not in a git repository with commits, so no change to the targets can be tied to a seller
ownership-no-history-help = check the plan in its git repository (in CI: with its history, `fetch-depth: 0`), or turn the rule off
ownership-no-email = { $name } has no email address, so whether the targets were agreed with the seller cannot be checked
ownership-no-email-help = add `email:` to the seller's file; it is the address in commits and `Agreed-by:`
ownership-not-agreed = the last change to { $name }'s targets ({ $target }: { $commit } "{ $summary }", { $date }, by { $author }) is neither authored by { $email } nor carries `Agreed-by: { $email }`
ownership-not-agreed-help = targets are owned together with the seller: let the seller make the change, or write `Agreed-by: { $email }` in the commit message when the target is agreed
rule-ownership-summary =
    (Off by default.) The last commit that changed a seller's targets is authored by the seller (the email in
    the seller's file), or carries the trailer `Agreed-by: <seller email>` (a bare address, or `Name
    <address>`). Merge commits count by their parents' own changes. The message names the commit and the target.
rule-ownership-principle =
    Goals are owned by the sellers: a target set over a seller's head does not become the seller's own. When
    every change is made or agreed by the seller, the history shows that the targets were agreed.

## github
github-more = { $count ->
        [one] { $count } more finding is not shown as an annotation (GitHub shows 10 per level); the job summary lists them all
       *[other] { $count } more findings are not shown as annotations (GitHub shows 10 per level); the job summary lists them all
    }
github-col-level = Level
github-col-rule = Rule
github-col-where = Where
github-col-finding = Finding

## diff
level-error = error
level-warning = warning
level-info = info
diff-verdict-team = { $team }: sellers now sum to { $rollup } against { $target } ({ $gap })
diff-verdict-no-sum = no team sum changed
diff-verdict-nothing = no target changed
diff-new-errors = { $count ->
        [one] { $count } new error
       *[other] { $count } new errors
    }
diff-new-warnings = { $count ->
        [one] { $count } new warning
       *[other] { $count } new warnings
    }
diff-no-new-findings = no new errors or warnings
diff-resolved = { $count } resolved
diff-compared = { $base } → { $head }
diff-worktree = the working tree
diff-points = { $points } points
diff-heading-targets = Targets changed
diff-heading-rollups = Team roll-ups
diff-heading-people = Sellers and teams
diff-heading-goals = Goals, KPIs and actions added or removed
diff-heading-customers = Customers
diff-heading-findings = Findings
diff-col-who = Who
diff-col-target = Target
diff-col-before = Before
diff-col-after = After
diff-col-change = Change
diff-col-team = Team
diff-col-team-target = Team target
diff-col-sum = Sellers' sum
diff-col-against = Against the target
diff-col-what = What
diff-col-file = File
diff-col-goal-action = Goal or action
diff-col-customer = Customer
diff-col-seller = Seller
diff-col-category = Category
diff-col-revenue = Revenue
diff-goal = Goal
diff-kpi = KPI
diff-team = Team
diff-seller = Seller
diff-added = added
diff-removed = removed
diff-renamed = renamed
diff-renamed-from = renamed from { $old }
diff-moved = new owner
diff-recategorised = new category
diff-rows = { $count } rows
diff-introduced = { $count ->
        [one] { $count } new finding
       *[other] { $count } new findings
    }
diff-resolved-list = { $count ->
        [one] { $count } resolved finding
       *[other] { $count } resolved findings
    }
diff-truncated = truncated: { $count } more characters left out; run `salgsmal diff` for all of it

## What-if: --set and --scenario
whatif-set-form = --set takes FILE:PATH=VALUE, for example `sellers/kari.yaml:goals.omsetning.target=12_000_000`
whatif-no-file = `{ $file }` is not a file of the plan. Nearest: { $near }
whatif-no-key = { $in } has no `{ $key }`. Nearest: { $near }
whatif-no-item = { $in } has no item with id `{ $id }`. Nearest: { $near }
whatif-scalar-has-no-key = { $in } is a value and has no `{ $key }`
whatif-not-a-value = { $in } is a list or a mapping: name one value in it
whatif-csv = { $file } is a CSV list; --set and scenarios change YAML files only
whatif-unreadable = { $file } cannot be read as YAML; fix it first (salgsmal check)
whatif-overlap = two changes overlap in one file
whatif-scenario-unreadable = the scenario file cannot be read: { $error }
whatif-scenario-too-large = the scenario file is larger than the file size limit
whatif-scenario-not-utf8 = the scenario file is not UTF-8
whatif-scenario-syntax = the scenario file is not valid YAML here
whatif-scenario-shape = a scenario maps plan files (sellers/kari.yaml) to the values to change
whatif-scenario-list = in a scenario, lists are written as mappings by id, for example `goals: {"{"}omsetning: {"{"}target: 12_000_000{"}"}{"}"}`
whatif-heading = What if ({ $source }): values changed in memory, not in the files

## allocate
allocate-bad-by = --by takes baseline, potential, even or a mix such as baseline=0.7,potential=0.3, not `{ $by }`
allocate-bad-number = `{ $value }` is not a number (write 100_000, 0.05 or 5 %)
allocate-bad-levels = --levels takes high=3,medium=2,low=1, not `{ $levels }`
allocate-no-team = the plan has no such team; the teams are: { $known }
allocate-no-goal = the team has no goal for { $metric } with a target; its goals are for: { $known }
allocate-method = { $metric } neither adds up nor is a ratio, so it cannot be split (or the sellers count it per different periods)
allocate-missing-baseline = these sellers have no baseline for the split: { $names }; add a `baseline`, or use --by even
allocate-missing-potential = these sellers' customers have no potential: { $names }; add `potential` to the customers, or use --by baseline
allocate-potential-ratio = a ratio (such as contribution margin) is split by baseline or evenly, not by potential
allocate-over-too-high = --over can be at most the team's max_over, { $max }
allocate-ratio-above-one = the proposal for { $name } would be above 100 %
allocate-no-sellers = the team has no sellers with a target for this metric
allocate-locked-over = the locked targets add up to { $locked }, more than the team goal
allocate-all-locked = every target is locked ({ $locked } in all) and they do not add up to the team goal
allocate-not-regular = { $path } is not a regular file of the plan; not writing
allocate-changed-on-disk = { $path } changed while the proposal was made; run again
allocate-by-baseline = baseline
allocate-by-potential = potential
allocate-by-even = evenly
allocate-heading = Split of { $metric } for { $team }: team goal { $goal }, by { $by }, rounded to { $unit }
allocate-over = Handing out { $total } ({ $share } over the team goal)
allocate-col-seller = Seller
allocate-col-current = Now
allocate-col-proposed = Proposed
allocate-col-change = Change
allocate-col-baseline = ÷ baseline
allocate-col-fairness = Fairness
allocate-locked = locked
allocate-fairness-warns = fairness warns
allocate-child = { $name } (own team goal)
allocate-sum = Sum
allocate-ratio-rollup = Weighted roll-up of the proposal: { $value } (the goal is { $goal })
allocate-left-out = Without a target for { $metric }, left out of the split: { $names }
allocate-rules-silent = allocation and fairness have nothing to say about the proposal.
allocate-rules-found = What the rules say about the proposal:
allocate-hint = Nothing was written; add --write to put the proposal in the seller files.
allocate-wrote = wrote { $path }
allocate-nothing-to-write = Nothing to write: the targets are already so.
diff-what-if-head = with --scenario or --set, diff compares the plan (the working tree, or BASE) with itself changed: give no HEAD
xlsx-bad-column = --column takes "HEADER=KNOWN HEADER", for example "Budget 2027=Revenue", not `{ $column }`
