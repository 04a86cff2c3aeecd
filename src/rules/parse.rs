//! The structure rules that the loader applies while reading a file.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};

const NO_PARAMS: &[Param] = &[];

pub struct YamlSyntax;
pub struct Schema;
pub struct DuplicateKey;
pub struct CsvSyntax;

static CSV_SYNTAX: RuleMeta = RuleMeta {
    id: RuleId::CSV_SYNTAX,
    default_level: Level::Error,
    structural: true,
    summary: "A CSV file (a customer list or actuals) cannot be read: a quote that is never \
closed, a quote inside an unquoted cell, a column named twice, a row with more or fewer cells \
than the header names (each such row is reported and left out; the others are read), or a row of \
actuals without seller, metric or value. The header's separator decides the \
decimal mark: `,` separates and `.` is the decimal mark; `;` or a tab separates and `,` is the \
decimal mark (spaces may group digits).",
    principle: "Customer lists often come from a spreadsheet or a CRM export: a broken row must \
point at its line and cell, not silently shift every column after it.",
    params: NO_PARAMS,
};

impl Rule for CsvSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &CSV_SYNTAX
    }
    fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
}

static YAML_SYNTAX: RuleMeta = RuleMeta {
    id: RuleId::YAML_SYNTAX,
    default_level: Level::Error,
    structural: true,
    summary: "A file is not valid YAML, is not UTF-8, is too large, nests deeper than 128 levels, \
or grows by more than 100 000 nodes through aliases (an alias bomb). The position comes from the parser.",
    principle: "Goals must be measurable: a file the tool cannot read holds no goal anyone can check. \
The limits keep a malicious or broken file (an alias bomb) from taking the check down.",
    params: NO_PARAMS,
};

static SCHEMA: RuleMeta = RuleMeta {
    id: RuleId::SCHEMA,
    default_level: Level::Error,
    structural: true,
    summary: "A file breaks its JSON Schema: a wrong type, a missing required key, an unknown key \
(with a did-you-mean suggestion), a malformed id, date or period, or an `id` that differs from \
the file name. `salgsmal schema` prints the schemas.",
    principle: "Goals must be measurable and unambiguous. A misspelt key (`targt`) would otherwise \
silently drop a target from every sum.",
    params: NO_PARAMS,
};

static DUPLICATE_KEY: RuleMeta = RuleMeta {
    id: RuleId::DUPLICATE_KEY,
    default_level: Level::Error,
    structural: true,
    summary: "A mapping repeats a key. The first value is used and the repeat is reported with the \
place the key was first written.",
    principle: "A number changed in a pull request must be the number the tool reads: with two \
`target:` keys, the reviewer and the tool could see different targets.",
    params: NO_PARAMS,
};

impl Rule for YamlSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &YAML_SYNTAX
    }
    fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
}

impl Rule for Schema {
    fn meta(&self) -> &'static RuleMeta {
        &SCHEMA
    }
    fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
}

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &DUPLICATE_KEY
    }
    fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
}
