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
    params: NO_PARAMS,
};

static SCHEMA: RuleMeta = RuleMeta {
    id: RuleId::SCHEMA,
    default_level: Level::Error,
    structural: true,
    params: NO_PARAMS,
};

static DUPLICATE_KEY: RuleMeta = RuleMeta {
    id: RuleId::DUPLICATE_KEY,
    default_level: Level::Error,
    structural: true,
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
