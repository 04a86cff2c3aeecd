# salgsmal-meldinger på norsk bokmål. Hver melding finnes også i en.ftl, med
# de samme variablene (en test sjekker det). Tall, beløp, prosenter og datoer
# kommer ferdig formatert; antall er tall, for flertallsformer.

plain = { $text }
empty = {""}
value = { $value }

## Enheter og vekter

unit-day = dag
unit-week = uke
unit-month = måned
unit-quarter = kvartal
unit-year = år
weights-revenue = omsetningsmålene
weights-baseline-revenue = fjorårets omsetning
weights-customer-count = antall kunder
weights-offers = antall tilbud i året
weights-metric = målene for { $metric }
gap-points = { $points } prosentpoeng
part = { $name } { $value }
part-weighted = { $name } { $value } × { $weight }
part-rate = { $name } { $rate }/{ $unit } × { $factor } = { $year }

## allocation

allocation-what-weighted = { $metric } i de individuelle målene, vektet med { $weights },
allocation-what-mean = gjennomsnittlig { $metric } i de individuelle målene
allocation-what-sum = summen av de individuelle målene for { $metric }
allocation-what-sum-per = summen av de individuelle målene for { $metric } per { $unit }
allocation-what-sum-year = summen av de individuelle målene for { $metric } i året
allocation-target-rate = { $year } ({ $rate }/{ $unit })
allocation-no-weight = ; ingen vekt for { $names }: vanlig gjennomsnitt er brukt
allocation-below = { $what } { $value } er { $gap } under lagmålet { $target } ({ $parts }){ $note }
allocation-above = { $what } { $value } er { $gap } over lagmålet { $target } ({ $parts }){ $note }
allocation-zero-target = lagmålet er { $target }, men de individuelle målene blir til sammen { $value } ({ $parts }){ $note }
allocation-over = { $what } { $value } er { $share } over lagmålet { $target }, mer enn de { $max } overfordeling som er tillatt ({ $parts }){ $note }
allocation-over-lower = { $what } { $value } er { $share } under lagmålet { $target }, mer enn de { $max } overfordeling som er tillatt ({ $parts }){ $note }
allocation-help-raise = øk de individuelle målene eller senk lagmålet
allocation-help-lower = senk de individuelle målene eller øk lagmålet
allocation-help-zero = sett lagmålet, eller fjern de individuelle målene
allocation-help-over = individuelle mål langt over lagmålet er ikke realistiske; senk dem eller øk `allocation.max_over`
allocation-related = { $name }: { $value }
allocation-left-out = målet til { $name } er utelatt: det bryter regelen `ratio`
allocation-lost-seller = laget `{ $team }` til { $name } finnes ikke, så målene telles ikke her

## phasing

phasing-empty = periodiseringen av `{ $goal }` er tom; den trenger Q1, Q2, Q3 og Q4
phasing-quarters = periodiseringen av `{ $goal }` har { $quarters }; den trenger Q1, Q2, Q3 og Q4 én gang hver
phasing-below = kvartalsvis periodisering { $terms } = { $total } er { $gap } under årsmålet { $target }
phasing-above = kvartalsvis periodisering { $terms } = { $total } er { $gap } over årsmålet { $target }
phasing-related-target = årsmålet
phasing-help = få kvartalene til å summere seg til målet
