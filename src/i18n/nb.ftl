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
gap-point = { $points } prosentpoeng
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

## measurable

measurable-goal = målet `{ $id }`
measurable-kpi = KPI-en `{ $id }`
measurable-no-target = { $what } har ikke et tall som mål
measurable-no-target-help = legg til `target:` med et tall, eller en prosent som "25 %" for en andel
measurable-no-per = { $what } teller { $metric } uten å si per hva: legg til `per: week` (eller day, month, quarter, year)

## kpi-chain

kpi-chain-no-actions = KPI-en `{ $kpi }` har ingen tiltak som driver den
kpi-chain-no-actions-help = legg til `actions:` med det selgeren skal gjøre
kpi-chain-unsupported = ingen KPI støtter målet `{ $goal }`
kpi-chain-unsupported-help = nevn det i en KPI sin `supports: [{ $goal }]`

## history

history-a-year = {" "}i året
history-higher = målet for { $metric } { $target }{ $unit } er { $ratio }× startpunktet { $baseline }, mer enn { $max }×
history-lower = målet for { $metric } { $target }{ $unit } er en forbedring på { $ratio }× fra startpunktet { $baseline } (lavere er bedre: { $baseline } ÷ { $target }), mer enn { $max }×
history-help = sett KPI-en ut fra fjorårets resultater, eller aksepter funnet med begrunnelsen

## growth

growth-baseline = startpunktet
growth-starting-point = lagets startpunkt
growth-from-zero = målet for { $metric } { $target } starter fra { $base } 0: veksten kan ikke måles
growth-over = målet for { $metric } { $target } er { $growth } over { $base } { $baseline }, mer enn { $max }
growth-below = målet for { $metric } { $target } er { $drop } under { $base } { $baseline }
growth-help = har noe endret seg (en ny avtale, et nytt område), aksepter funnet i salgsmal.yaml med begrunnelsen

## capacity

capacity-overbooked = aktivitets-KPI-ene tar { $hours } timer i uken, mer enn de { $available } som finnes ({ $terms })
capacity-overbooked-help = færre aktiviteter, eller mindre tid per aktivitet (`activity_hours` i salgsmal.yaml)
capacity-customer-time = tid med kunder er { $hours } t av uken på { $week } t ({ $share }), under de { $min } metoden krever
capacity-customer-time-help = planlegg flere kvalifiserte kundemøter, besøk eller samtaler
capacity-term-week = { $metric } { $rate }/uke × { $each } t = { $hours } t
capacity-term-day = { $metric } { $rate }/dag × { $days } dager × { $each } t = { $hours } t
capacity-term-month = { $metric } { $rate }/måned × 12 ÷ { $weeks } uker × { $each } t = { $hours } t
capacity-term-quarter = { $metric } { $rate }/kvartal × 4 ÷ { $weeks } uker × { $each } t = { $hours } t
capacity-term-year = { $metric } { $rate }/år ÷ { $weeks } uker × { $each } t = { $hours } t

## funnel og pipeline-coverage

funnel-why-growth = omsetningsvekst { $growth } fra startpunktet
funnel-why-new-business = omsetning fra nye kunder og nye produkter
funnel-missing-meetings = en KPI for qualified_meetings
funnel-missing-closing = en KPI eller et startpunkt for closing_rate
funnel-missing-m2o = assumptions.meeting_to_offer_rate
funnel-missing-deal = assumptions.average_deal_size
funnel-unchecked = salgstrakten kan ikke sjekkes: { $name } trenger { $required } i nysalg, men planen mangler { $missing }
funnel-unchecked-help = legg til KPI-en eller forutsetningen som mangler, så ser du om aktivitetene kan gi målene
funnel-meetings-week = { $rate } møter/uke × { $weeks } uker
funnel-meetings = { $rate } møter/{ $unit } × { $factor }
funnel-short = { $meetings } × { $m2o } til tilbud × { $closing } closing × { $deal } = { $capacity } i nysalg i året, under de { $required } målene trenger ({ $why })
funnel-short-help = planlegg flere kvalifiserte kundemøter, øk konverteringen, eller senk målene
pipeline-coverage-low = pipeline { $pipeline } × { $closing } closing = { $weighted } dekker { $cover } av de { $required } i nysalg som trengs, mindre enn { $min }
pipeline-coverage-help = bygg pipelinen: med denne størrelsen måtte den snu oftere enn det som er realistisk

## fairness og potential

fairness-baseline = startpunktet
fairness-potential = potensialet
fairness-deviation = omsetningsmålet til { $name } er { $ratio }× { $basis }; medianen i laget er { $median }× ({ $deviation } unna, mer enn { $max })
fairness-help = målene er rettferdig fordelt når hver selger blir bedt om et like stort steg fra der de står
potential-above = omsetningsmålet { $target } er over kundenes potensial { $potential } + målet for nye kunder { $new } = { $reachable }
potential-help = øk målet for nye kunder, se på potensialene igjen, eller senk omsetningsmålet

## milestones

milestones-outside = { $milestone } har frist { $deadline }, utenfor planperioden { $period }
milestones-order = { $milestone } ({ $deadline }) kommer før { $previous } ({ $previous_deadline }), men står etter den
milestones-order-help = før opp delmålene i datorekkefølge
milestones-backwards = { $milestone } ({ $deadline }) { $metric } { $value } går tilbake fra { $previous } ({ $previous_value })
milestones-backwards-help = hvert delmål går et steg videre mot hovedmålet
milestones-phasing = { $milestone } { $metric } { $value } avviker med { $gap } fra den akkumulerte periodiseringen { $expected } per { $deadline }, mer enn { $max }
milestones-phasing-help = la delmålet og målets periodisering fortelle det samme
milestones-beyond = det siste delmålets { $metric } { $value } går forbi hovedmålet { $target }
milestones-beyond-help = delmålene ligger mellom startpunktet og hovedmålet

## alignment

alignment-of-product = {" "}for produktet { $product }
alignment-no-team-goal = målet `{ $goal }` ({ $metric }{ $product }) har ikke noe lagmål i { $team } å tjene
alignment-no-team-goal-help = legg til et lagmål for { $metric } i { $file }, eller gjør dette til en KPI
alignment-no-contribution = lagmålet `{ $goal }` ({ $metric }) har ingen selger eller underlag som bidrar med et mål
alignment-no-contribution-help = gi selgerne mål eller KPI-er for dette nøkkeltallet

## Kundeplattformen

customers-key = nøkkelkundene
customers-star = stjernekundene
customers-question = spørsmålstegnkundene
customers-phase-out-new = avvikle/nye-kundene
bounds-between = mellom { $min } og { $max }
bounds-at-least = minst { $min }
bounds-at-most = høyst { $max }
bounds-none = ikke satt
bounds-short = { $gap } mangler
bounds-over = { $gap } over
bounds-met = nådd
portfolio-goals-shares = minsteandelene av omsetningen blir til sammen { $sum } ({ $parts }): de kan ikke alle nås
portfolio-goals-shares-help = senk minsteandelene så de blir 100 % eller mindre til sammen
portfolio-goals-contradiction = målet for { $field } for { $category } krever minst { $min } og høyst { $max }: det kan ikke nås
portfolio-goals-contradiction-help = gjør minimum til det minste av de to
portfolio-goals-status = { $sentence }; målet er { $bounds }: { $gap }
portfolio-goals-share = { $who } står for { $share } av omsetningen
portfolio-goals-margin = { $who } har en dekningsgrad på { $margin }
portfolio-goals-growth = { $who } er planlagt å vokse { $growth }
portfolio-goals-prospects = kundelistene har { $count ->
        [one] { $count } ny kunde
       *[other] { $count } nye kunder
    }
portfolio-goals-new-revenue = målet for omsetning fra nye kunder er { $target }
portfolio-category = { $customer } er oppgitt som { $declared }, men tallene gjør den til { $computed } ({ $why })
portfolio-category-help = oppdater kategorien, eller kundens omsetning og dekningsgrad
portfolio-category-prospect = en ny kunde hører til avvikle/nye
portfolio-category-small = omsetningen { $revenue } er under grensen for store kunder { $threshold }
portfolio-category-no-revenue = ingen kunde har omsetning ennå
portfolio-category-high-margin = omsetningen { $revenue } er stor, og dekningsgraden { $margin } er på eller over grensen for høy dekningsgrad { $threshold }
portfolio-category-low-margin = omsetningen { $revenue } er stor, og dekningsgraden { $margin } er under grensen for høy dekningsgrad { $threshold }
phase-out-target = { $customer } er en avviklingskunde (dekningsbidrag { $contribution }), men { $what }
phase-out-target-revenue = omsetningsmålet { $target } planlegger vekst fra { $revenue }
phase-out-target-growth = den har et vekstmål på { $growth }
phase-out-target-help = avvikle forholdet, gjør det lønnsomt først, eller oppdater kundens tall
key-customer-activity = { $customer } er en nøkkelkunde uten planlagt aktivitet (ingen aktivitetsmål som customer_visits)
key-customer-activity-help = legg for eksempel `target: {"{"}customer_visits: 12{"}"}` til kunden
customer-owner-two = kunden `{ $customer }` tilhører { $owner } i { $file } og { $here } her
customer-owner-related = eies av { $owner }
customer-owner-help = gi kunden én eier

## off-track

off-track-flow = { $metric } hittil { $actual } av { $to_date } mål hittil ({ $basis }) = { $attainment }; prognose for året { $actual } ÷ { $share } av året = { $forecast } mot { $annual }, { $verdict }
off-track-level = { $metric } hittil { $actual } ({ $source }) mot målet { $target } = { $attainment } av det, { $verdict }
off-track-team = { $finding } (selgere som har rapportert: { $reported } av { $of })
off-track-team-part = { $finding } (selgere som har rapportert: { $reported } av { $of }; { $annual } er deres del av lagets mål { $target })
off-track-source-sums = { $num } { $num_metric } ÷ { $den } { $den_metric }
off-track-source-latest = sist rapportert
off-track-basis-quarters = { $quarters } etter periodiseringen
off-track-basis-part = { $part } etter periodiseringen
off-track-basis-phasing = { $quarters } og { $part } etter periodiseringen
off-track-basis-days = { $days } av { $quarter_days } arbeidsdager av { $quarter }
off-track-basis-pro-rata = { $days } av { $year_days } arbeidsdager forholdsmessig
off-track-below = under { $threshold }
off-track-short = under målet
off-track-over = over målet
off-track-over-limit = over målet ÷ { $threshold }

## Oppsummeringen fra `check`

summary-failed = sjekken feilet
summary-passed = sjekken er bestått
summary-counts = { $errors ->
        [one] 1 feil
       *[other] { $errors } feil
    }, { $warnings ->
        [one] 1 advarsel
       *[other] { $warnings } advarsler
    }, { $infos ->
        [one] 1 merknad
       *[other] { $infos } merknader
    } i { $files ->
        [one] 1 fil
       *[other] { $files } filer
    }
summary-counts-accepted = { $errors ->
        [one] 1 feil
       *[other] { $errors } feil
    }, { $warnings ->
        [one] 1 advarsel
       *[other] { $warnings } advarsler
    }, { $infos ->
        [one] 1 merknad
       *[other] { $infos } merknader
    }, { $accepted } akseptert i { $files ->
        [one] 1 fil
       *[other] { $files } filer
    }

## Forslag og regelkjøringen

suggest-did-you-mean = mente du `{ $word }`?
suggest-known = kjente: { $known }
suggest-known-more = kjente: { $known }, …
suggest-none = det finnes ingen ennå
rule-failed = regelen `{ $rule }` kunne ikke gjøre seg ferdig (en feil i verktøyet: meld den gjerne inn sammen med planen)
rule-failed-help = de andre reglene kjørte; funnene fra denne regelen mangler
or = { $a } eller { $b }
code = `{ $text }`

## unknown-reference

unknown-reference-team = laget `{ $team }` finnes ikke
unknown-reference-parent = det overordnede laget `{ $parent }` finnes ikke
unknown-reference-parent-loop = kjeden av overordnede lag går i ring: { $chain }
unknown-reference-parent-loop-help = et lag kan ikke rulles opp i seg selv
unknown-reference-owner = eieren `{ $owner }` er ikke en selger
unknown-reference-list-no-owner = listen har ingen `owner`, og filnavnet `{ $file }` er ikke id-en til en selger
unknown-reference-list-no-owner-help = legg til `owner: <selger-id>`, eller gi filen samme navn som selgeren
unknown-reference-customer-no-owner = kunden `{ $customer }` har ingen eier, og filnavnet `{ $file }` er ikke id-en til en selger
unknown-reference-customer-no-owner-help = fyll inn kundens eier
unknown-reference-seller = selgeren `{ $seller }` finnes ikke
unknown-reference-customer = kunden `{ $customer }` står ikke i noen kundeliste
unknown-reference-metric = nøkkeltallet `{ $metric }` finnes ikke
unknown-reference-metric-help = { $suggestion } (egne nøkkeltall står under `metrics` i salgsmal.yaml)
unknown-reference-product = produktet `{ $product }` finnes ikke i produktkatalogen
unknown-reference-product-help = { $suggestion } (produktene står under `products` i salgsmal.yaml)
unknown-reference-no-product = målet `{ $goal }` måler product_revenue, men nevner ikke noe `product`
unknown-reference-no-product-help = legg til `product: <id>` fra `products` i salgsmal.yaml
unknown-reference-supports = `{ $id }` støtter målet `{ $goal }`, som ikke er et resultatmål i denne filen
unknown-reference-rule = regelen `{ $rule }` finnes ikke
unknown-reference-structural-level = `{ $rule }` er en strukturregel: nivået kan ikke endres
unknown-reference-structural-level-help = rett heller filen; strukturregler kan aldri slås av
unknown-reference-param-not-positive = `{ $rule }.{ $param }` må være over 0; standardverdien gjelder
unknown-reference-param-not-positive-help = `salgsmal explain { $rule }` viser hva den betyr
unknown-reference-param = regelen `{ $rule }` har ingen parameter `{ $param }`
unknown-reference-no-weight = nøkkeltallet `{ $metric }` rulles opp med weighted_mean, men nevner ingen `weight`
unknown-reference-no-weight-help = legg til `weight: <nøkkeltall>`, for eksempel `weight: revenue`
unknown-reference-weight = vekten `{ $weight }` finnes ikke

## duplicate-id

duplicate-id-within = id-en `{ $id }` er brukt to ganger i denne filen (første gang på linje { $line })
duplicate-id-within-help = gi hver av dem sin egen id
duplicate-id-first = første gang brukt her
duplicate-id-team = lag-id-en `{ $id }` er allerede brukt i { $file }
duplicate-id-team-help = hvert lag trenger sin egen id
duplicate-id-seller = selger-id-en `{ $id }` er allerede brukt i { $file }
duplicate-id-seller-help = hver selger trenger sin egen id
duplicate-id-customer = kunde-id-en `{ $id }` er allerede brukt i { $file }
duplicate-id-customer-help = hver kunde trenger sin egen id
duplicate-id-metric = nøkkeltallet `{ $metric }` er allerede definert (innebygd eller tidligere i listen)
duplicate-id-metric-help = gi det egne nøkkeltallet en egen id

## period

period-help = planperioden er { $period } ({ $start } til { $end })
period-starting-point = startpunktet er datert { $date }, etter at planperioden { $period } begynner ({ $start })
period-starting-point-help = startpunktet er der laget står før perioden: sett datoen til periodens start eller tidligere
period-main-goal = fristen for hovedmålet, { $deadline }, ligger utenfor planperioden { $period }
period-strategy-action = tiltaket med frist { $due } ligger utenfor planperioden { $period }
period-action = tiltaket «{ $action }» har frist { $due }, utenfor planperioden { $period }
period-actuals = de faktiske tallene for { $actuals } ligger utenfor planperioden { $period } og året før (fjorårets faktiske tall er startpunktet)
period-as-of = as_of { $as_of } ligger utenfor perioden for de faktiske tallene, { $period } ({ $start } til { $end })
period-file-name = filen heter `{ $file }`, men har faktiske tall for { $period }
period-file-name-help = gi filen navnet actuals/{ $period }.yaml
period-actuals-overlap = resultatene for { $seller } i { $period } overlapper dem i { $other } ({ $file }); den første filen teller
period-actuals-overlap-related = resultatene for { $seller } i { $other }
period-actuals-overlap-help = rapporter hver måned én gang: i en månedsfil eller i en kvartalsfil, ikke begge

## ratio

ratio-above-one = { $what } er en andel, og { $value } er over 1: mente du "{ $written } %"? (skriv 0.25 eller "25 %")
ratio-amount-percent = { $metric } er et beløp, ikke en andel: en prosentstreng gir ikke mening her
ratio-amount-percent-help = skriv beløpet som et tall, for eksempel 10_000_000

## accept

accept-in-file = {" "}i { $file }
accept-no-file = godtar funn i { $file }, som ikke er en fil i planen
accept-no-file-help = skriv stien relativt til planmappen, for eksempel sellers/kari.yaml
accept-error = { $rule } er en feil{ $where }; feil kan ikke godtas
accept-error-help = rett planen; bare advarsler og info kan godtas
accept-expired = godtakelsen av { $rule }{ $where } gikk ut { $until }: funnet teller igjen
accept-expired-help = rett funnet, eller bli enige om en ny dato og en ny begrunnelse
accept-nothing = godtar ingenting: det finnes ikke lenger noe { $rule }-funn{ $where }
accept-nothing-help = fjern oppføringen

## Lesing av filene

file-too-large = filen har mer enn { $max } byte; filer over { $max } byte blir ikke lest
file-too-large-help = del opp filen; grensen settes av den som kjører verktøyet (SALGSMAL_MAX_FILE_BYTES), og `limits.max_file_bytes` i salgsmal.yaml kan bare senke den
file-outside-root = { $path } er en lenke til et sted utenfor planmappen; den blir ikke fulgt
folder-outside-root = mappen { $path } er en lenke til et sted utenfor planmappen; den blir ikke fulgt
file-link-broken = { $path } er en lenke som ikke fører noe sted (eller til seg selv); den blir ikke lest
file-not-regular = { $path } er ikke en vanlig fil (en mappe, et rør eller en enhet); den blir ikke lest
file-refused-help = planfiler er vanlige filer inne i planmappen: kopier filen inn, eller fjern lenken
file-not-utf8 = filen er ikke gyldig UTF-8 (byte 0x{ $byte } ved byteposisjon { $offset })
file-not-utf8-help = lagre filen som UTF-8
yaml-syntax-error = filen er ikke gyldig YAML: { $detail }
yaml-second-document = en planfil har ett YAML-dokument; dette andre blir ikke lest
yaml-too-deep = nestingen er dypere enn { $max } nivåer; resten av filen blir ikke lest
yaml-unknown-anchor = aliaset viser til et anker som ikke finnes
yaml-alias-bomb = aliasene gjør filen større med mer enn { $max } noder (en aliasbombe?); resten av filen blir ikke lest
duplicate-key = nøkkelen `{ $key }` står to ganger i denne mappingen (første gang på linje { $line }); den første verdien brukes
duplicate-key-first = første gang skrevet her
duplicate-key-help = fjern den ene av de to
csv-unclosed-quote = en celle i anførselstegn blir aldri lukket (en `"` mangler)
csv-text-after-quote = tekst etter den avsluttende `"` i en celle: sett hele cellen i anførselstegn, og skriv et anførselstegn inni den som `""`
csv-quote-in-cell = en `"` inni en celle uten anførselstegn: sett hele cellen i anførselstegn
csv-column-twice = kolonnen `{ $column }` er nevnt to ganger; den andre blir ikke lest
csv-row-length = denne raden har { $cells ->
        [one] { $cells } celle
       *[other] { $cells } celler
    }, men overskriften har { $columns ->
        [one] { $columns } kolonne
       *[other] { $columns } kolonner
    }; raden blir ikke lest
csv-unknown-columns-more = { $count ->
        [one] { $count } ukjent kolonne til
       *[other] { $count } ukjente kolonner til
    } ({ $columns }, …)
csv-unknown-column = ukjent kolonne `{ $column }`
csv-unknown-column-suggest = ukjent kolonne `{ $column }`: mente du `{ $suggestion }`?
csv-columns-help = kolonnene er: { $columns }
csv-missing-column = overskriften har ingen kolonne { $columns }
csv-actuals-row = en rad med faktiske tall trenger en selger, et nøkkeltall og en verdi
csv-duplicate-row = { $seller } har en rad til for `{ $metric }` (første gang på linje { $line }); den første brukes
csv-duplicate-customer-row = kunden `{ $customer }` har en rad til (første gang på linje { $line }); den første brukes
schema-empty-file = filen er tom: en { $kind }-fil er en mapping av nøkler
schema-empty-file-help = kjør `salgsmal schema` for å se hva filen skal inneholde, eller slett den
schema-unreadable = verdien kan ikke leses: { $detail }
schema-out-of-range = tallet { $text } er for stort
schema-not-a-word = forventet et av ordene i listen
schema-file-name-not-id = filnavnet `{ $name }` er ikke en id: id-er skrives med små bokstaver og bindestrek (a-z, 0-9 og -)
schema-file-name-not-id-help = gi filen nytt navn, for eksempel `kari-nordmann.yaml`
schema-id-differs = id-en `{ $id }` er ikke den samme som filnavnet `{ $name }`
schema-id-differs-help = gi filen navnet { $id }.yaml, eller fjern `id`

## schema

schema-key-not-word = en nøkkel må være et enkelt ord, ikke en mapping eller en liste
schema-bad-number = `{ $text }` er ikke et tall en plan kan holde (for stort, uendelig eller ikke et tall)
schema-in = i { $what }
schema-in-here = her
schema-unknown-keys-more = { $count ->
        [one] { $count } ukjent nøkkel til
       *[other] { $count } ukjente nøkler til
    } { $where } ({ $keys }, …)
schema-unknown-key = ukjent nøkkel `{ $key }` { $where }
schema-unknown-key-suggest = ukjent nøkkel `{ $key }` { $where }: mente du `{ $suggestion }`?
schema-allowed-keys = tillatte nøkler: { $keys }
schema-this-mapping = denne mappingen
schema-missing-key = { $what } mangler den påkrevde nøkkelen `{ $key }`
schema-key-description = `{ $key }`: { $description }
schema-expected = forventet { $expected }, fant { $found }
schema-not-valid = { $found } er ikke gyldig her
schema-not-one-of = `{ $given }` er ikke et av: { $words }
schema-not-one-of-suggest = `{ $given }` er ikke et av: { $words } (mente du `{ $suggestion }`?)
schema-below-minimum = { $found } er mindre enn minimum { $limit }
schema-at-or-below-minimum = { $found } er mindre enn eller lik minimum { $limit }
schema-above-maximum = { $found } er større enn maksimum { $limit }
schema-at-or-above-maximum = { $found } er større enn eller lik maksimum { $limit }
schema-too-short = teksten er kortere enn { $limit ->
        [one] { $limit } tegn
       *[other] { $limit } tegn
    }
schema-too-few-items = listen har færre enn { $limit ->
        [one] { $limit } element
       *[other] { $limit } elementer
    }
schema-too-many-items = listen har flere enn { $limit ->
        [one] { $limit } element
       *[other] { $limit } elementer
    }
schema-invalid = skjemaet avviser denne verdien: { $detail }
schema-quoted = "{ $text }"
schema-nothing = ingenting
schema-a-list = en liste
schema-a-mapping = en mapping
schema-text = tekst
schema-a-whole-number = et heltall
schema-a-number = et tall
schema-true-or-false = true eller false
schema-title-actuals = faktiske tall
schema-title-customer-list = en kundeliste
schema-title-seller = en selger
schema-title-team = et lag
schema-title-custom-metric = et eget nøkkeltall
schema-title-customer = en kunde
schema-title-date = en dato ÅÅÅÅ-MM-DD
schema-title-goal = et mål
schema-title-id = en id med små bokstaver og bindestrek (a-z, 0-9 og -, som `salg-vest`)
schema-title-milestone = et delmål
schema-title-quantity = et tall (10_000_000, 0.25) eller en prosentstreng som "25 %"
schema-title-period = en periode: et år 2027, et kvartal 2027-Q1 eller en måned 2027-03
schema-title-product = et produkt
schema-title-ratio = en andel: et desimaltall fra 0 til 1 som 0.25, eller en prosentstreng som "25 %"
schema-title-rule-settings = innstillingene for en regel
schema-title-metric-name = navnet på et nøkkeltall i snake_case (som `revenue` eller `qualified_meetings`)
schema-title-strategic-choice = et strategisk valg
schema-title-value-or-bounds = en verdi eller {"{"}min, max{"}"}
schema-title-currency = en ISO 4217-valutakode som NOK
schema-title-accepted = et godtatt funn
schema-title-action-or-sentence = et tiltak: en setning, eller {"{"}do, due, status{"}"}
schema-title-action = et tiltak
schema-title-grouped = et tall med `_` mellom sifergruppene (10_000_000), som redigeringsprogrammer med YAML 1.2 leser som tekst
schema-title-amount = et beløp (et tall som 10_000_000 eller 1.0e7)
schema-title-bounds = grenser
schema-title-category-goals = målene for en kundekategori
schema-title-labels = navn
schema-title-potential = low, medium, high eller et beløp
schema-title-level = et av off, info, warning, error (eller false)
schema-title-config = salgsmal.yaml
schema-title-allocation = innstillingene for fordeling
schema-title-assumptions = forutsetningene
schema-title-competence = kompetanseplanen
schema-title-import = importinnstillingene
schema-title-limits = grensene
schema-title-main-goal = hovedmålet
schema-title-portfolio-goals = porteføljemålene
schema-title-portfolio-thresholds = grensene for porteføljen
schema-title-starting-point = startpunktet
schema-title-values = verdier per nøkkeltall

## Reglene: hva hver regel sjekker, og prinsippet i metoden bak den
## (`explain`, SARIF). Id-er: rule-<id>-summary, rule-<id>-principle,
## rule-<id>-param-<navn>.

rule-yaml-syntax-summary =
    En fil er ikke gyldig YAML, er ikke UTF-8, er for stor, nøster dypere enn 128
    nivåer, eller vokser med mer enn 100 000 noder gjennom aliaser (en aliasbombe).
    Posisjonen kommer fra parseren.
rule-yaml-syntax-principle =
    Målene skal være målbare: en fil verktøyet ikke kan lese, inneholder ikke noe
    mål noen kan følge opp. Grensene hindrer en ondsinnet eller ødelagt fil (en
    aliasbombe) i å velte sjekken.

rule-schema-summary =
    En fil bryter JSON-skjemaet sitt: feil type, en påkrevd nøkkel som mangler, en
    ukjent nøkkel (med forslag om hva du mente), en id, dato eller periode i feil
    form, eller en `id` som er ulik filnavnet. `salgsmal schema` skriver ut
    skjemaene.
rule-schema-principle =
    Målene skal være målbare og entydige. En feilstavet nøkkel (`targt`) ville
    ellers i det stille ta et mål ut av hver sum.

rule-duplicate-key-summary =
    En YAML-mapping gjentar en nøkkel. Den første verdien brukes, og gjentakelsen
    rapporteres sammen med stedet der nøkkelen først ble skrevet.
rule-duplicate-key-principle =
    Et tall som endres i en pull request, må være tallet verktøyet leser: med to
    `target:`-nøkler kunne den som går gjennom endringen, og verktøyet se to ulike
    mål.

rule-csv-syntax-summary =
    En CSV-fil (en kundeliste eller resultattall) kan ikke leses: et anførselstegn
    som aldri lukkes, et anførselstegn inne i en celle uten anførselstegn, en
    kolonne som har samme navn som en annen, en rad med flere eller færre celler enn
    overskriften navngir (hver slik rad rapporteres og utelates; de andre leses),
    eller en rad med resultattall uten selger, nøkkeltall eller verdi. Skilletegnet i
    overskriften avgjør desimaltegnet: `,` skiller og `.` er desimaltegn; `;` eller
    tabulator skiller og `,` er desimaltegn (mellomrom kan gruppere sifre).
rule-csv-syntax-principle =
    Kundelister kommer ofte fra et regneark eller en CRM-eksport: en ødelagt rad
    skal peke på sin linje og celle, ikke i det stille forskyve hver kolonne etter
    seg.

rule-duplicate-id-summary =
    To mål eller KPI-er i én fil, to delmål i et lag, to lag, to selgere, to
    produkter, to egendefinerte nøkkeltall eller to kunder med samme eier har samme
    id.
rule-duplicate-id-principle =
    Målene evalueres løpende og diskuteres ved navn: en id skal peke på nøyaktig ett
    mål, ellers kan `supports` i en KPI og summeringen i en rapport telle feil mål.

rule-unknown-reference-summary =
    Et navn som må finnes, finnes ikke: `team` hos en selger, `parent` hos et lag
    (eller en kjede av overordnede lag som går i ring), `supports` i en KPI, `owner`
    i en kundeliste, et `product`, en selger eller et lag i resultattallene, et
    nøkkeltallsnavn, en regel eller regelparameter i `salgsmal.yaml`. Hvert funn
    kommer med forslag om hva du mente.
rule-unknown-reference-principle =
    De individuelle målene skal stemme med lagets mål, og hver KPI skal drive et
    resultatmål: en referanse som peker ut i løse luften, bryter kjeden fra lagmål
    til selger til tiltak.

rule-period-summary =
    En dato eller periode ligger utenfor planperioden i `salgsmal.yaml`: et lags
    startpunkt datert etter at perioden begynner, en frist for hovedmålet eller et
    tiltak utenfor perioden, eller en fil med resultattall der perioden ligger
    utenfor planperioden, der `as_of` ligger utenfor filens egen periode, eller der
    filnavnet ikke er perioden.
rule-period-principle =
    Arbeid baklengs fra målet: startpunktet er der vi står før året begynner, og
    hovedmålet nås i løpet av året. En dato utenfor perioden gjør målet til en del
    av en annen plan.

rule-ratio-summary =
    En andel (dekningsgrad, closing rate, KTI, …) er skrevet som et tall over 1
    (`target: 25` der `0.25` eller "25 %" var ment), eller et beløp eller antall er
    skrevet som en prosentstreng. Andeler er desimaltall fra 0 til 1 eller
    prosentstrenger.
rule-ratio-principle =
    Målene skal være målbare: 25 lest som 2 500 % ville bestå hver sjekk som
    sammenligner med det, og gi feil i hver rapport.

rule-allocation-summary =
    For hvert lagmål der nøkkeltallet summeres (omsetning, dekningsbidrag, omsetning
    fra nye kunder, produktomsetning per produkt, aktiviteter) eller er et vektet
    gjennomsnitt (dekningsgrad vektet med omsetningsmålene, closing rate med
    tilbudene, KTI med omsetningen …), sammenlignes summen av målene til selgerne og
    underlagene — både fra mål og KPI-er — med lagets mål. Under det (over det, for
    et nøkkeltall der lavere er bedre, som kundefrafall): feil. Mer enn `max_over`
    over det: advarsel, laget har fått fordelt for mye. Rater regnes om til
    lagmålets `per` før de legges sammen. Meldingen viser hvert bidrag, og for
    vektede nøkkeltall vektene.
rule-allocation-principle =
    Fra lagmål til individuelle mål: lagmålet nås bare hvis de individuelle målene
    til sammen når det. Å fordele mye mer enn lagmålet gjør de individuelle målene
    urealistiske og urettferdige; `allocation.max_over` i lagfilen sier hvor mye som
    er tillatt.
rule-allocation-param-max_over =
    Hvor langt summen kan gå over lagmålet før det blir en advarsel; lagets egen
    `allocation.max_over` går foran.

rule-phasing-summary =
    Kvartalsperiodiseringen av et mål der nøkkeltallet summeres (penger, antall) må
    bli lik årsmålet, nøyaktig opp til 1 valutaenhet i avrunding, og nevne alle fire
    kvartaler.
rule-phasing-principle =
    Målene evalueres løpende: en kvartalsplan som ikke blir lik året, gjør at hver
    kvartalsgjennomgang sammenligner med feil tall.

rule-milestones-summary =
    Et lags delmål må stå i datorekkefølge og ligge innenfor planperioden; per
    nøkkeltall må verdiene gå jevnt fra startpunktet mot hovedmålet (verdier for
    penger og antall er akkumulert for året), og det siste delmålet kan ikke gå
    forbi hovedmålet: feil. Et delmål som ligger mer enn `max_gap` fra den
    akkumulerte kvartalsperiodiseringen av samme nøkkeltall på fristen: advarsel.
rule-milestones-principle =
    Arbeid baklengs fra målet: hovedmål ← delmål 3 ← delmål 2 ← delmål 1 ←
    startpunkt. Delmål som går bakover, går forbi målet eller motsier
    periodiseringen, er ikke en vei noen kan følge.
rule-milestones-param-max_gap =
    Hvor mye et delmål kan avvike fra den akkumulerte periodiseringen, som en andel
    av periodiseringens verdi.

rule-growth-summary =
    Et mål i penger eller antall som vokser mer enn `max` over selgerens startpunkt
    (fjorårets resultater) eller lagets startpunkt for samme nøkkeltall: advarsel. Et
    omsetningsmål under startpunktet: merknad.
rule-growth-principle =
    Målene skal være realistiske: vekst langt ut over der selgeren står, er et
    ønske, ikke et mål, med mindre noe har endret seg — aksepter da funnet med
    begrunnelsen.
rule-growth-param-max =
    Den største veksten over startpunktet før det blir en advarsel (0.30 = 30 %).

rule-funnel-summary =
    Aktivitets-KPI-ene kan ikke gi det nysalget målene trenger. Kapasitet =
    kvalifiserte møter per uke × arbeidsuker × andelen møter som blir tilbud ×
    closing rate × gjennomsnittlig ordrestørrelse (fra selgerens KPI-er og
    `assumptions`; mangler closing rate, brukes startpunktet). Nysalg som trengs =
    omsetning fra nye kunder + produktomsetning fra nye produkter, eller
    omsetningsmålet − omsetningen i startpunktet når det er større. Meldingen viser
    hele regnestykket; mangler salgstrakten et tall, er det en merknad som sier
    hvilket.
rule-funnel-principle =
    RESULTAT = kvalifisere × kvantitet × kvalitet: resultatmålene nås gjennom
    antallet salgsaktiviteter og hvor godt de konverterer. Et omsetningsmål med for
    få møter bak seg er ikke realistisk.

rule-pipeline-coverage-summary =
    Pipelineverdi × closing rate dekker mindre enn `min` av nysalget som trengs i
    året (pipelinen måtte snu mer enn 1/min ganger i året).
rule-pipeline-coverage-principle =
    Kvantitet og kvalitet: pipelinen (antall og verdi) er KPI-en som tidlig viser om
    resultatmålene kan nås.
rule-pipeline-coverage-param-min =
    Den minste andelen av nysalget som trengs i året, som den vektede pipelinen må
    dekke.

rule-capacity-summary =
    Aktivitets-KPI-ene til en selger (hver rate regnet om til en uke × sine
    `activity_hours`) tar flere timer enn `hours_per_week`: feil. Andelen av
    arbeidsuken med kunder (kvalifiserte møter, besøk, samtaler) er under `min`:
    advarsel. Meldingen viser rate × timer for hver aktivitet.
rule-capacity-principle =
    Kvantitet: en selger bør bruke minst 40–60 % av arbeidstiden ansikt til ansikt
    eller på telefon med kunder, og en aktivitetsplan som ikke får plass i uken, er
    ikke en plan.
rule-capacity-param-min =
    Den minste andelen av arbeidsuken som brukes med kunder.

rule-history-summary =
    Et KPI-mål som er mer enn `max_ratio` ganger selgerens startpunkt for samme
    nøkkeltall (for et nøkkeltall der lavere er bedre: startpunktet er mer enn
    `max_ratio` ganger målet). For en aktivitet er startpunktet fjorårets total, så
    KPI-en sammenlignes som et antall i året (10 i uken over 44 uker er 440). En
    closing rate på 75 % mot fjorårets 55 % er 1,36×: greit; mot 40 % er den 1,88×:
    advarsel.
rule-history-principle =
    Målene skal være realistiske, og resultatene brukes til læring: fjorårets
    resultater er det beste beviset på hva en selger klarer.
rule-history-param-max_ratio =
    Hvor mange ganger startpunktet et KPI-mål kan være.

rule-measurable-summary =
    Et mål eller en KPI uten et tall som `target`, eller en aktivitets-KPI (møter,
    besøk, samtaler, tilbud, kampanjer, messer) uten `per` (day, week, month,
    quarter, year).
rule-measurable-principle =
    Målene er realistiske og målbare: «flere møter» kan ikke følges opp; «10
    kvalifiserte møter per uke» kan.

rule-kpi-chain-summary =
    En KPI uten tiltak: advarsel. Et resultatmål som ingen KPI støtter (`supports`):
    merknad.
rule-kpi-chain-principle =
    Den individuelle styringsplattformen leses mål → KPI → tiltak: hver KPI driver
    et resultatmål, og hver KPI har de konkrete tiltakene som flytter den.

rule-alignment-summary =
    Et individuelt resultatmål der nøkkeltallet (og produktet) ikke har noe lagmål i
    selgerens lag, eller et lagmål som ingen selger eller underlag bidrar med et mål
    til.
rule-alignment-principle =
    Målene stemmer med selskapets kortsiktige og langsiktige mål: hvert individuelle
    mål bør tjene et lagmål, og hvert lagmål bør bæres av noen.

rule-fairness-summary =
    I et lag med minst tre selgere: en selger der forholdet mellom omsetningsmål og
    startpunkt (eller mellom mål og potensial, der hver kunde i laget har
    potensialet sitt som et beløp) avviker fra lagets median med mer enn
    `max_deviation` av medianen.
rule-fairness-principle =
    Målene fordeles rettferdig mellom selgerne: én selger som blir bedt om å vokse
    langt mer (eller langt mindre) enn resten av laget, er en sak for målsamtalen.
rule-fairness-param-max_deviation =
    Hvor langt forholdet til en selger kan ligge fra lagets median, som en andel av
    medianen.

rule-customer-owner-summary =
    Samme kunde-id står under to ulike eiere (listene til to selgere, eller to
    `owner`-verdier i en CSV).
rule-customer-owner-principle =
    Målene har en eier: en kunde med to ansvarlige selgere telles to ganger i
    porteføljen og i potensialet til begge selgerne, og ingen eier egentlig
    kundeforholdet.

rule-portfolio-category-summary =
    En kundes oppgitte `category` er en annen enn den omsetningen, dekningsgraden og
    salgskostnaden gir etter grensene for porteføljen (satt under `portfolio:` i
    salgsmal.yaml, ellers standardverdiene: Pareto 80 % for store kunder, den
    omsetningsvektede gjennomsnittlige dekningsgraden, 0,5 % av det samlede
    dekningsbidraget).
rule-portfolio-category-principle =
    Kategoriser og prioriter kundene: strategien for en kunde følger av plassen i
    porteføljen, så plassen bør følge av tallene.

rule-portfolio-goals-summary =
    Et lags `portfolio_goals` per kategori (andel av omsetningen min/maks,
    dekningsgrad, vekst, nye kunder og omsetningen fra dem) mot dagens portefølje av
    selgernes kunder: dagens verdi og avstanden til målet (merknad). Minsteandeler
    av omsetningen som til sammen blir mer enn 100 %, kan ikke alle nås: feil.
rule-portfolio-goals-principle =
    Mål for den ønskede kundeplattformen: hver kategori har sin strategi og sine
    egne mål (andel av omsetningen for nøkkelkunder og stjernekunder, lønnsomhet,
    vekst i spørsmålstegnene, antallet nye kunder og verdien av dem).

rule-potential-summary =
    Omsetningsmålet til en selger er over summen av potensialet til selgerens kunder
    pluss selgerens mål for omsetning fra nye kunder. Sjekkes der hver kunde av
    selgeren har potensialet sitt som et beløp.
rule-potential-principle =
    Målene er realistiske: et omsetningsmål kundemassen ikke kan kjøpe for, må komme
    fra nye kunder, og da bør målet for nye kunder si det.

rule-phase-out-target-summary =
    En kunde (ikke et prospekt) i kategorien avvikle/nye (phase_out_new) der
    `target` planlegger vekst: et omsetningsmål over omsetningen, eller en positiv
    existing_customer_growth.
rule-phase-out-target-principle =
    Hver kategori har sin strategi: ulønnsomme kundeforhold skal avvikles, så å
    planlegge vekst i et av dem motsier kundestrategien (eller så er tallene
    utdaterte).

rule-key-customer-activity-summary =
    Der planen knytter aktiviteter til kunder (en kunde har et `target` for en
    aktivitetsnøkkeltall som customer_visits eller qualified_meetings): en
    nøkkelkunde uten noen planlagt aktivitet.
rule-key-customer-activity-principle =
    Ta vare på nøkkelkundene: de største og mest lønnsomme kundeforholdene er de
    siste som skal stå uten planlagt kontakt.

rule-off-track-summary =
    Med resultater: et mål der prognosen for året er under `at_risk` av årsmålet
    (advarsel), eller mellom `at_risk` og målet (merknad); omvendt for størrelser der
    lavere er bedre. Prognosen er resultatet hittil ÷ andelen av året som målet
    hittil utgjør (målets periodisering, ellers forholdsmessig etter arbeidsdager), per
    siste `as_of`; forholdstall regnes fra summene.
rule-off-track-principle =
    Målene følges opp løpende: en plan som bare sjekkes ved årets slutt, kan ikke
    styres. Å måle mot målet hittil viser tidlig hvor kursen må endres, mens det
    ennå er tid til å handle.
rule-off-track-param-at_risk =
    Andelen av årsmålet der en prognose under den er utenfor kurs (0.90 = 90 %); fra
    den og opp til målet er den i faresonen.

rule-accept-summary =
    En oppføring under `accept:` i salgsmal.yaml som ikke lenger kan gjelde: datoen
    i `until` er passert (funnet teller igjen), eller den gjelder en feil (feil kan
    ikke aksepteres). En oppføring som ikke lenger passer med noe funn, gir en
    merknad, så gamle oppføringer blir ryddet bort.
rule-accept-principle =
    Målene evalueres løpende: et unntak laget er enige om, skrives ned med
    begrunnelsen, vises i rapportene og går ut på dato, så det blir diskutert igjen.

## explain

explain-list = regler:
explain-title = { $rule } ({ $level } som standard)
explain-title-structural = { $rule } ({ $level } som standard; en strukturregel, kan ikke slås av)
explain-what = Hva den sjekker:
explain-why = Hvorfor (metoden):
explain-params = Parametre:
explain-none = ingen
explain-settings = Innstillinger i salgsmal.yaml:
explain-levels = level er en av { $levels }.
explain-example = Eksempel:

## watch

watch-start = følger med på { $root } (Ctrl-C stopper)
watch-stopped = sluttet å følge med
watch-changed = { $files } er endret
watch-new = { $count ->
        [one] { $count } ny
       *[other] { $count } nye
    }
watch-resolved = { $count } løst
watch-rendered = skrev { $count ->
        [one] { $count } rapport
       *[other] { $count } rapporter
    } til { $dir }
watch-write-failed = kan ikke skrive rapportene: { $error }
watch-template-failed = { $error } (de forrige rapportene beholdes)
watch-plan-gone = { $root } finnes ikke lenger; venter på at mappen kommer tilbake
watch-config-gone = { $root } har ingen salgsmal.yaml lenger; venter på at den kommer tilbake
watch-back = planen er tilbake

## import

render-bad-period = `{ $period }` er ikke en måned (2027-03), et kvartal (2027-Q1) eller et år (2027)
import-row-error = feil
import-row-skipped = hoppet over
import-bad-period = `{ $period }` er ikke en måned (2027-03) eller et kvartal (2027-Q1)
import-period-outside = { $period } er utenfor planåret { $year }
import-not-a-folder = { $path } i planen er ikke en mappe
import-exists = { $path } finnes allerede; legg til --force for å erstatte den
import-overlap = { $path } har allerede de faktiske tallene for { $other }, som overlapper { $period }
import-unknown-metric = `import.metrics` i salgsmal.yaml nevner `{ $metric }`, som ikke er et nøkkeltall i planen
import-read-failed = kan ikke lese { $path }: { $error }
import-too-large = { $path } er større enn { $max } byte
import-write-failed = kan ikke skrive { $path }: { $error }
import-no-seller-column = overskriften har ingen selgerkolonne `{ $column }` (kolonnene er: { $columns }); sett `import.seller` i salgsmal.yaml
import-no-metric-column = overskriften har ingen kolonne `{ $column }` for { $metric } (kolonnene er: { $columns })
import-no-metric-columns = overskriften har ingen kolonne å importere (kolonnene er: { $columns }): gi kolonnene navn som nøkkeltallene (revenue, offers), eller knytt dem til nøkkeltall i `import.metrics` i salgsmal.yaml
import-unknown-seller = ingen selger har id, e-post eller navn `{ $name }`
import-ambiguous-seller = `{ $name }` kan være flere selgere ({ $ids })
import-no-seller = raden nevner ingen selger
import-bad-number = `{ $text }` i kolonne { $column } er ikke et tall
import-missing-cell = raden har ingen celle for kolonne { $column }
import-not-additive = { $seller } har en rad til med { $metric }, som ikke kan legges sammen (første gang på linje { $line })
import-not-a-ratio = `{ $text }` er over 1, og { $metric } er en andel: skriv 0,24 eller 24 %
import-nothing-written = ingenting ble skrevet (--skip-bad-rows skriver radene som kan leses)
import-no-rows = { $file } har ingen rader å importere; ingenting ble skrevet
import-wrote = skrev { $path }: { $sellers ->
        [one] { $sellers } selger
       *[other] { $sellers } selgere
    } fra { $rows ->
        [one] { $rows } rad
       *[other] { $rows } rader
    }
import-seller-rows = { $rows ->
        [one] { $rows } rad
       *[other] { $rows } rader
    }
import-no-customer-column = overskriften har ingen kundekolonne `{ $column }` (kolonnene er: { $columns })
import-unknown-customer = ingen kunde har id eller navn `{ $name }`
import-ambiguous-customer = `{ $name }` kan være flere kunder ({ $ids })
import-customers = { $customers ->
        [one] { $customers } kunde
       *[other] { $customers } kunder
    } med omsetning og dekningsbidrag
import-skipped = hoppet over { $count ->
        [one] { $count } rad
       *[other] { $count } rader
    }

## import plan og export (regneark)
xlsx-note = merk
xlsx-nothing-written = ingenting ble skrevet
xlsx-not-a-workbook = ikke en .xlsx-arbeidsbok ({ $error })
xlsx-unpacked-too-large = arbeidsboken pakkes ut til { $bytes } byte, mer enn { $max }
xlsx-too-many-cells = arket { $sheet } har mer enn { $max } celler
xlsx-empty-workbook = arbeidsboken har ingen celler
xlsx-empty-sheet = arket er tomt: første rad må navngi kolonnene
xlsx-duplicate-column = kolonnen `{ $column }` har det samme som kolonne { $first }
xlsx-column-ignored = kolonnen `{ $column }` er verken et felt eller et måltall; ikke importert
xlsx-bad-number = `{ $text }` er ikke et tall
xlsx-too-large = { $text } er for stort: verdier i planen ligger innenfor ±10^15
xlsx-date-not-number = en dato der det skal stå et tall
xlsx-date-not-text = en dato der det skal stå et navn eller en id
xlsx-error-cell = cellen har feilen { $error }
xlsx-uncomputed = en formel som arbeidsboken ikke har verdien til: åpne og lagre den i et regnearkprogram, eller skriv inn tallet
xlsx-negative = { $text } er negativt
xlsx-bad-period = `{ $text }` er ikke et planår som 2027
xlsx-no-period = arbeidsboken sier ikke hvilket år planen gjelder: legg til --period 2027 (eller en rad `Periode` på et ark `Om planen`)
xlsx-no-seller-column = overskriften har ingen selgerkolonne (Selger/Seller eller Navn/Name)
xlsx-no-target-column = overskriften har ingen målkolonne (et måltall som Omsetning/Revenue, eller Mål/Target)
xlsx-no-team-column = ingen Team-kolonne: alle selgerne havner i teamet `{ $team }`
xlsx-no-per = et mål for { $metric } er en rate: skriv per hva i overskriften (`… per uke`, `… per week`)
xlsx-no-seller = raden har mål, men ingen selger
xlsx-duplicate-seller = en rad til for selgeren `{ $id }` (den første er { $first })
xlsx-bad-id = `{ $text }` gir ingen id (bokstaver eller sifre)
xlsx-no-sellers = arket har ingen selgere
xlsx-duplicate-team = en rad til for teamet `{ $id }`
xlsx-no-team-sheet = intet ark Team/Teams: teamene har ingen mål, og check vil si fra; legg dem inn i teams/
xlsx-no-team-goals = teamet `{ $team }` har ingen mål: legg dem inn i teams/{ $team }.yaml (allocation-regelen sammenligner selgernes mål med dem)
xlsx-no-owner = kunden `{ $customer }` har ingen selger
xlsx-duplicate-customer = en rad til for kunden `{ $id }` (den første på { $first })
xlsx-bad-potential = `{ $text }` er ikke et potensial (lav, middels, høy eller et beløp)
xlsx-quarter-without-target = et kvartal av periodiseringen av { $metric } uten en kolonne for målet
import-plan-exists = { $path } har allerede { $files }; import plan skriver ikke over filer som finnes
import-plan-wrote = skrev en plan i { $path }: { $sellers ->
        [one] { $sellers } selger
       *[other] { $sellers } selgere
    }, { $teams ->
        [one] { $teams } team
       *[other] { $teams } team
    }, { $customers ->
        [one] { $customers } kunde
       *[other] { $customers } kunder
    }
import-plan-next = neste: salgsmal check { $path }
export-failed = kan ikke lage arbeidsboken: { $error }
export-is-a-folder = { $path } er en mappe; gi arbeidsboken et filnavn
export-goal-left-out = { $file }: `{ $goal }` har samme måltall som `{ $first }` (og samme produkt og per); arbeidsboken har én kolonne per måltall og viser bare `{ $first }`
export-wrote = skrev { $path }: { $sellers ->
        [one] { $sellers } selger
       *[other] { $sellers } selgere
    }, { $teams ->
        [one] { $teams } team
       *[other] { $teams } team
    }, { $findings ->
        [one] { $findings } funn
       *[other] { $findings } funn
    }

## starting-point

starting-point-sum = startpunktets { $metric } { $start } avviker med { $gap } fra summen av selgernes startpunkter { $value } ({ $parts }){ $missing }
starting-point-weighted = startpunktets { $metric } { $start } avviker med { $gap } fra selgernes startpunkter vektet med fjorårets omsetning { $value } ({ $parts }){ $missing }
starting-point-missing = ; ingen startpunkt for { $names }
starting-point-help = startpunktet er der laget står, og selgernes startpunkter er der hver av dem står: få dem til å fortelle det samme
starting-point-last-year = { $name }s startpunkt for { $metric } er skrevet { $written }, men fjorårets faktiske tall gir { $actual } (avvik { $gap }; { $files }): de faktiske tallene brukes
starting-point-last-year-related = { $name } i fjorårets siste fil med faktiske tall
starting-point-last-year-help = der fjorårets faktiske tall ligger i planen, er de startpunktet: rett opp `baseline` eller ta den bort
rule-starting-point-summary =
    Et lags startpunkt (`starting_point.values`) avviker fra selgernes startpunkter
    rullet opp (også selgerne i underlagene): summen for beløp og antall, og for
    andeler gjennomsnittet vektet med fjorårets omsetning (antall tilbud, for
    closing rate). Meldingen viser hver selgers startpunkt og nevner selgere uten.
rule-starting-point-principle =
    Arbeid baklengs fra målet, med utgangspunkt i der vi står: lagets startpunkt og
    selgernes startpunkter beskriver det samme året, og en plan bygd på to ulike
    bilder av det er ikke realistisk.

## ownership
ownership-no-history = `ownership` er slått på, men planen ligger ikke i et git-repo med commits, så ingen endring av målene kan knyttes til en selger
ownership-no-history-help = sjekk planen i git-repoet den ligger i (i CI: hele historikken, `fetch-depth: 0`), eller slå regelen av
ownership-no-email = { $name } har ingen e-postadresse, så det kan ikke sjekkes om målene er avtalt med selgeren
ownership-no-email-help = legg til `email:` i selgerens fil; den er adressen i commits og `Agreed-by:`
ownership-not-agreed = den siste endringen av målene til { $name } ({ $target }: { $commit } «{ $summary }», { $date }, av { $author }) er verken gjort av { $email } eller har `Agreed-by: { $email }`
ownership-not-agreed-help = målene eies sammen med selgeren: la selgeren gjøre endringen, eller skriv `Agreed-by: { $email }` i commit-meldingen når målet er avtalt
rule-ownership-summary =
    (Av som standard.) Den siste commiten som endret en selgers mål, er gjort av selgeren selv (e-postadressen i
    selgerens fil), eller har trailer-linjen `Agreed-by: <selgerens e-post>` (en bar adresse eller `Navn
    <adresse>`). Flettecommits teller ved endringene i sine egne foreldre. Meldingen viser commiten og målet.
rule-ownership-principle =
    Målene skal være eid av selgerne: et mål som er satt over hodet på selgeren, blir ikke selgerens eget.
    Når hver endring er gjort eller godkjent av selgeren, viser historikken at målene er avtalt.

## github
github-more = { $count ->
        [one] { $count } funn til vises ikke som merknad (GitHub viser 10 per nivå); jobbsammendraget har alle
       *[other] { $count } funn til vises ikke som merknader (GitHub viser 10 per nivå); jobbsammendraget har alle
    }
github-col-level = Nivå
github-col-rule = Regel
github-col-where = Sted
github-col-finding = Funn

## diff
level-error = feil
level-warning = advarsel
level-info = merknad
diff-verdict-team = { $team }: selgerne summerer nå til { $rollup } mot { $target } ({ $gap })
diff-verdict-no-sum = ingen lagsum er endret
diff-verdict-nothing = ingen mål er endret
diff-new-errors = { $count ->
        [one] { $count } ny feil
       *[other] { $count } nye feil
    }
diff-new-warnings = { $count ->
        [one] { $count } ny advarsel
       *[other] { $count } nye advarsler
    }
diff-no-new-findings = ingen nye feil eller advarsler
diff-resolved = { $count } løst
diff-compared = { $base } → { $head }
diff-worktree = arbeidskopien
diff-points = { $points } prosentpoeng
diff-heading-targets = Mål som er endret
diff-heading-rollups = Lagenes summer
diff-heading-people = Selgere og lag
diff-heading-goals = Mål, KPI-er og tiltak lagt til eller fjernet
diff-heading-customers = Kunder
diff-heading-findings = Funn
diff-col-who = Hvem
diff-col-target = Mål
diff-col-before = Før
diff-col-after = Nå
diff-col-change = Endring
diff-col-team = Lag
diff-col-team-target = Lagmål
diff-col-sum = Selgernes sum
diff-col-against = Mot lagmålet
diff-col-what = Hva
diff-col-file = Fil
diff-col-goal-action = Mål eller tiltak
diff-col-customer = Kunde
diff-col-seller = Selger
diff-col-category = Kategori
diff-col-revenue = Omsetning
diff-goal = Mål
diff-kpi = KPI
diff-team = Lag
diff-seller = Selger
diff-added = lagt til
diff-removed = fjernet
diff-renamed = flyttet
diff-renamed-from = flyttet fra { $old }
diff-moved = ny selger
diff-recategorised = ny kategori
diff-rows = { $count } rader
diff-introduced = { $count ->
        [one] { $count } nytt funn
       *[other] { $count } nye funn
    }
diff-resolved-list = { $count ->
        [one] { $count } løst funn
       *[other] { $count } løste funn
    }
diff-truncated = avkortet: { $count } tegn til er utelatt; kjør `salgsmal diff` for alt

## What-if: --set and --scenario
whatif-set-form = --set tar FIL:STI=VERDI, for eksempel `sellers/kari.yaml:goals.omsetning.target=12_000_000`
whatif-no-file = `{ $file }` er ikke en fil i planen. Nærmest: { $near }
whatif-no-key = { $in } har ingen `{ $key }`. Nærmest: { $near }
whatif-no-item = { $in } har ingen med id `{ $id }`. Nærmest: { $near }
whatif-scalar-has-no-key = { $in } er en verdi og har ingen `{ $key }`
whatif-not-a-value = { $in } er en liste eller et kart: velg én verdi i den
whatif-csv = { $file } er en CSV-liste; --set og scenarier endrer bare YAML-filer
whatif-unreadable = { $file } kan ikke leses som YAML; rett den først (salgsmal check)
whatif-overlap = to endringer overlapper i samme fil
whatif-scenario-unreadable = scenariofilen kan ikke leses: { $error }
whatif-scenario-too-large = scenariofilen er større enn grensen for filstørrelse
whatif-scenario-not-utf8 = scenariofilen er ikke UTF-8
whatif-scenario-syntax = scenariofilen er ikke gyldig YAML her
whatif-scenario-shape = et scenario er et kart fra planfiler (sellers/kari.yaml) til verdiene som skal endres
whatif-scenario-list = lister skrives i et scenario som kart etter id, for eksempel `goals: {"{"}omsetning: {"{"}target: 12_000_000{"}"}{"}"}`
whatif-heading = Hva om ({ $source }): verdier endret i minnet, ikke i filene

## allocate
allocate-bad-by = --by tar baseline, potential, even eller en blanding som baseline=0.7,potential=0.3, ikke `{ $by }`
allocate-bad-number = `{ $value }` er ikke et tall (skriv 100_000, 0.05 eller 5 %)
allocate-bad-levels = --levels tar high=3,medium=2,low=1, ikke `{ $levels }`
allocate-no-team = planen har ikke det teamet; teamene er: { $known }
allocate-no-goal = teamet har ikke noe mål for { $metric } med en målverdi; målene er for: { $known }
allocate-method = { $metric } summeres ikke opp og er ikke en andel, så det kan ikke fordeles (eller selgerne har målet per ulike perioder)
allocate-missing-baseline = disse selgerne mangler startpunkt for fordelingen: { $names }; legg til `baseline`, eller bruk --by even
allocate-missing-potential = kundene til disse selgerne har ikke noe potensial: { $names }; legg til `potential` på kundene, eller bruk --by baseline
allocate-potential-ratio = en andel (som dekningsgrad) fordeles etter startpunkt eller likt, ikke etter potensial
allocate-over-too-high = --over kan være høyst teamets max_over, { $max }
allocate-ratio-above-one = forslaget til { $name } blir over 100 %
allocate-no-sellers = teamet har ingen selgere med mål for dette nøkkeltallet
allocate-locked-over = de låste målene er til sammen { $locked }, mer enn teammålet
allocate-all-locked = alle målene er låst ({ $locked } til sammen) og summerer ikke til teammålet
allocate-not-regular = { $path } er ikke en vanlig fil i planen; skriver ikke
allocate-changed-on-disk = { $path } er endret mens forslaget ble laget; kjør igjen
allocate-by-baseline = startpunkt
allocate-by-potential = potensial
allocate-by-even = likt
allocate-heading = Fordeling av { $metric } for { $team }: teammål { $goal }, etter { $by }, avrundet til { $unit }
allocate-over = Deler ut { $total } ({ $share } over teammålet)
allocate-col-seller = Selger
allocate-col-current = Nå
allocate-col-proposed = Forslag
allocate-col-change = Endring
allocate-col-baseline = ÷ startpunkt
allocate-col-fairness = Rettferdighet
allocate-locked = låst
allocate-fairness-warns = fairness advarer
allocate-child = { $name } (eget teammål)
allocate-sum = Sum
allocate-ratio-rollup = Vektet sammenrulling av forslaget: { $value } (målet er { $goal })
allocate-left-out = Uten mål for { $metric }, ikke med i fordelingen: { $names }
allocate-rules-silent = allocation og fairness har ingen merknader til forslaget.
allocate-rules-found = Dette sier reglene om forslaget:
allocate-hint = Ingenting er skrevet; legg til --write for å skrive forslaget inn i selgerfilene.
allocate-wrote = skrev { $path }
allocate-nothing-to-write = Ingenting å skrive: målene er allerede slik.
diff-what-if-head = med --scenario eller --set sammenligner diff planen (arbeidskopien, eller BASE) med seg selv endret: ikke oppgi HEAD
xlsx-bad-column = --column tar "OVERSKRIFT=KJENT OVERSKRIFT", for eksempel "Budsjett 2027=Omsetning", ikke `{ $column }`
