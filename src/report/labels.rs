//! The words of the reports in each language, given to the templates as
//! `labels` so one template serves both.

use crate::model::Locale;
use serde_json::{Map, Value};

const LABELS: &[(&str, &str, &str)] = &[
    ("team_report", "Teamrapport", "Team report"),
    ("scenario", "Scenario", "Scenario"),
    (
        "scenario_note",
        "denne rapporten viser planen med disse verdiene endret i minnet, ikke planen slik den står i filene",
        "this report shows the plan with these values changed in memory, not the plan as its files have it",
    ),
    (
        "seller_report",
        "Individuell styringsplattform",
        "Individual steering platform",
    ),
    ("review_report", "Resultatgjennomgang", "Results review"),
    ("period", "Periode", "Period"),
    ("review_period", "Gjennomgang av", "Review of"),
    ("manager", "Salgssjef", "Sales manager"),
    ("team", "Team", "Team"),
    ("seller", "Selger", "Seller"),
    ("sellers", "Selgere", "Sellers"),
    (
        "work_backwards",
        "Arbeid baklengs fra målet",
        "Working backwards from the goal",
    ),
    ("main_goal", "Hovedmål", "Main goal"),
    ("starting_point", "Startpunkt", "Starting point"),
    ("milestone", "Delmål", "Milestone"),
    ("milestones", "Delmål", "Milestones"),
    ("deadline", "Frist", "Deadline"),
    (
        "strategy",
        "Strategiske veivalg og tiltak",
        "Strategic choices and actions",
    ),
    ("team_goals", "Teammål", "Team goals"),
    ("goal", "Mål", "Goal"),
    ("target", "Mål", "Target"),
    ("team_target", "Teammål", "Team target"),
    ("seller_target", "Selgerens mål", "Seller's target"),
    (
        "sum_of_sellers",
        "Selgernes mål samlet",
        "Sellers' targets rolled up",
    ),
    ("gap", "Avvik", "Gap"),
    ("status", "Status", "Status"),
    ("status_ok", "Går opp", "Adds up"),
    ("status_short", "Under teammålet", "Below the team target"),
    ("status_over", "Overfordelt", "Over-assigned"),
    ("status_none", "Ikke summert", "Not rolled up"),
    ("share", "Andel", "Share"),
    ("weighted_by", "vektet med", "weighted by"),
    ("customer_platform", "Kundeplattform", "Customer platform"),
    ("portfolio_matrix", "Kundeporteføljen", "Customer portfolio"),
    ("category", "Kategori", "Category"),
    ("customers", "Kunder", "Customers"),
    ("customer", "Kunde", "Customer"),
    ("count", "Antall", "Count"),
    ("revenue", "Omsetning", "Revenue"),
    ("margin", "Dekningsgrad", "Margin"),
    ("contribution", "Dekningsbidrag", "Contribution"),
    ("potential", "Potensial", "Potential"),
    ("priority", "Prioritering av kunder", "Customer priorities"),
    ("low", "Lite", "Low"),
    ("medium", "Middels", "Medium"),
    ("high", "Høyt", "High"),
    ("unknown", "Ukjent", "Unknown"),
    ("low_revenue", "Lav omsetning", "Low revenue"),
    ("high_revenue", "Høy omsetning", "High revenue"),
    ("low_contribution", "Lavt bidrag", "Low contribution"),
    ("high_contribution", "Høyt bidrag", "High contribution"),
    ("thresholds", "Grenser", "Thresholds"),
    (
        "chart_largest",
        "Viser de {shown} største av {total} kunder etter omsetning; tabellen viser alle.",
        "Showing the {shown} largest of {total} customers by revenue; the table lists all.",
    ),
    ("large_from", "Store kunder fra", "Large customers from"),
    (
        "high_margin_from",
        "Høy dekningsgrad fra",
        "High margin from",
    ),
    ("min_contribution", "Minste bidrag", "Minimum contribution"),
    ("configured", "satt i salgsmal.yaml", "set in salgsmal.yaml"),
    ("computed", "beregnet", "computed"),
    (
        "product_customer_focus",
        "Produkt- og kundefokus",
        "Product and customer focus",
    ),
    (
        "existing_products",
        "Eksisterende produkter",
        "Existing products",
    ),
    ("new_products", "Nye produkter", "New products"),
    (
        "existing_customers",
        "Eksisterende kunder",
        "Existing customers",
    ),
    ("new_customers", "Nye kunder", "New customers"),
    ("check_results", "Kontrollresultater", "Check results"),
    (
        "no_findings",
        "Ingen funn: målene går opp.",
        "No findings: the goals add up.",
    ),
    ("accepted", "Aksepterte avvik", "Accepted findings"),
    ("reason", "Begrunnelse", "Reason"),
    ("until", "til", "until"),
    ("error", "Feil", "Error"),
    ("warning", "Advarsel", "Warning"),
    ("info", "Info", "Info"),
    ("result_goals", "Resultatmål", "Result goals"),
    ("kpis", "Prestasjonsmål (KPI)", "Performance goals (KPIs)"),
    ("kpi", "KPI", "KPI"),
    ("actions", "Tiltak", "Actions"),
    (
        "steering_platform",
        "Mål, KPI og tiltak",
        "Goals, KPIs and actions",
    ),
    ("baseline", "Startpunkt (i fjor)", "Baseline (last year)"),
    (
        "last_year_actuals",
        "fjorårets faktiske tall",
        "last year's actuals",
    ),
    ("activity_plan", "Aktivitetsplan", "Activity plan"),
    ("activity", "Aktivitet", "Activity"),
    ("per_week", "Per uke", "Per week"),
    ("hours_each", "Timer per aktivitet", "Hours each"),
    ("hours_per_week", "Timer per uke", "Hours a week"),
    ("total", "Sum", "Total"),
    ("customer_time", "Tid med kunder", "Time with customers"),
    (
        "customer_time_min",
        "Kontrollene krever minst",
        "The checks ask for at least",
    ),
    (
        "customer_time_goal",
        "Metoden ber om minst 40–60 % av arbeidstiden ansikt til ansikt eller på telefon med kunder.",
        "The method asks for at least 40–60 % of working time face to face or on the phone with customers.",
    ),
    ("competence", "Kompetanseplan", "Competence plan"),
    ("knowledge", "Kunnskaper", "Knowledge"),
    ("skills", "Ferdigheter", "Skills"),
    ("personality", "Personlighet", "Personality"),
    ("due", "frist", "due"),
    ("done", "utført", "done"),
    ("no_actions", "Ingen tiltak ennå", "No actions yet"),
    (
        "targets_and_actuals",
        "Mål og resultater",
        "Targets and results",
    ),
    ("actual", "Resultat", "Actual"),
    (
        "no_actuals",
        "Ingen faktiske tall ennå: rapporten viser målene til resultatene kommer.",
        "No actuals yet: the report shows the targets until the results arrive.",
    ),
    ("forecast", "Prognose", "Forecast"),
    ("summary", "Sammendrag", "Summary"),
    ("as_of", "Per", "As of"),
    ("target_to_date", "Mål hittil", "Target to date"),
    ("attainment", "Måloppnåelse", "Attainment"),
    (
        "year_end_forecast",
        "Prognose ved årsslutt",
        "Year-end forecast",
    ),
    ("next_milestone", "Neste delmål", "Next milestone"),
    ("actual_to_date", "Resultat hittil", "Actual to date"),
    ("state", "Tilstand", "State"),
    ("status_on_track", "I rute", "On track"),
    ("status_at_risk", "I faresonen", "At risk"),
    ("status_off_track", "Ikke i rute", "Off track"),
    ("state_reached", "Nådd", "Reached"),
    ("state_missed", "Ikke nådd", "Missed"),
    ("state_pending", "Underveis", "Pending"),
    (
        "path_chart",
        "Resultat mot delmålene",
        "Actuals against the milestones",
    ),
    (
        "path_plan",
        "Plan: delmål og hovedmål",
        "Plan: milestones and main goal",
    ),
    ("path_actual", "Faktisk utvikling", "Actual path"),
    ("date", "Dato", "Date"),
    ("of", "av", "of"),
    ("reported", "rapportert", "reported"),
    ("not_evaluated", "Ikke vurdert", "Not evaluated"),
    (
        "portfolio_plan_actual",
        "Kundeporteføljen: plan og resultat",
        "The customer portfolio: plan and actuals",
    ),
    (
        "portfolio_plan_actual_note",
        "Planen etter kundelistenes tall; resultatet etter de faktiske tallene hittil, kategorien etter tallene regnet om til et helt år.",
        "The plan by the customer lists' numbers; the actuals to date, each customer's category by its numbers for a whole year.",
    ),
    ("plan", "Plan", "Plan"),
    (
        "target_history",
        "Endringer i målene i år",
        "Target changes this year",
    ),
    (
        "no_target_changes",
        "Ingen mål er endret siden året begynte.",
        "No target has changed since the year began.",
    ),
    ("who", "Hvem", "Who"),
    ("before", "Før", "Before"),
    ("after", "Nå", "After"),
    ("changed", "endret", "changed"),
    ("margin_short", "DG", "Margin"),
    ("actual_to_date_short", "Hittil", "To date"),
    (
        "moved_customers",
        "Kunder som har skiftet kategori",
        "Customers that moved category",
    ),
    (
        "no_moved_customers",
        "Ingen kunder har skiftet kategori etter resultatene.",
        "No customer has moved category by the actuals.",
    ),
    ("planned_category", "Planlagt kategori", "Planned category"),
    (
        "category_by_actuals",
        "Kategori etter resultat",
        "Category by actuals",
    ),
    (
        "actuals_notes",
        "Notater fra resultatene",
        "Notes with the actuals",
    ),
    ("no_notes", "Ingen notater.", "No notes."),
    (
        "generated_by",
        "Laget med salgsmal fra planen i git",
        "Made with salgsmal from the plan in git",
    ),
    ("none", "Ingen", "None"),
    ("findings_for", "Funn i", "Findings in"),
    ("strategy_for", "Strategi", "Strategy"),
    ("prospects", "nye emner", "prospects"),
    // Nouns after a count (the `count` filter): `<key>_one`, `<key>_other`.
    ("customer_one", "kunde", "customer"),
    ("customer_other", "kunder", "customers"),
    ("prospect_one", "nytt emne", "prospect"),
    ("prospect_other", "nye emner", "prospects"),
    ("seller_one", "selger", "seller"),
    ("seller_other", "selgere", "sellers"),
    ("rule", "Regel", "Rule"),
    ("place", "Sted", "Where"),
    ("finding", "Funn", "Finding"),
    ("level", "Nivå", "Level"),
    ("what", "Hva", "What"),
    ("with_customers", "Med kunder", "With customers"),
    ("unit_day", "dag", "day"),
    ("unit_week", "uke", "week"),
    ("unit_month", "måned", "month"),
    ("unit_quarter", "kvartal", "quarter"),
    ("unit_year", "år", "year"),
    ("weight_revenue", "omsetningsmålene", "revenue targets"),
    (
        "weight_baseline_revenue",
        "fjorårets omsetning",
        "baseline revenue",
    ),
    ("weight_customer_count", "antall kunder", "customer counts"),
    ("weight_offers", "antall tilbud i året", "offers a year"),
];

/// One label's text in a locale.
pub fn label(locale: Locale, key: &str) -> Option<&'static str> {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, nb, en)| if locale == Locale::En { *en } else { *nb })
}

/// A date (`2027-03-31`) as the locale writes it: `31.03.2027`,
/// `31 Mar 2027`; text that is no date is kept.
pub fn date(text: &str, locale: Locale) -> String {
    let Some(d) = crate::model::period::Date::parse(text) else {
        return text.to_string();
    };
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match locale {
        Locale::Nb => format!("{:02}.{:02}.{}", d.day, d.month, d.year),
        Locale::En => format!("{} {} {}", d.day, EN[usize::from(d.month - 1)], d.year),
    }
}

pub fn labels(locale: Locale) -> Value {
    let mut m = Map::new();
    for (key, nb, en) in LABELS {
        let text = if locale == Locale::En { en } else { nb };
        m.insert((*key).to_string(), Value::String((*text).to_string()));
    }
    Value::Object(m)
}
